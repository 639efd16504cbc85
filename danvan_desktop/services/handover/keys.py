"""This installation's signing key and the keys it trusts (trust on first use, as ssh does)."""

from __future__ import annotations

from dataclasses import dataclass

from danvan_desktop.domain.i18n import _
from danvan_desktop.exchange import keys
from danvan_desktop.exchange.errors import ExchangeError, KeyChanged, UntrustedKey
from danvan_desktop.exchange.manifest import Manifest
from danvan_desktop.store.database import Database
from danvan_desktop.store.exchange_log import ExchangeLog, TrustedKey, now_iso

PRIVATE_KEY_SETTING = "exchange_private_key"   # settings never travel: the private key stays on this PC

OWN, TRUSTED, UNKNOWN, CHANGED = "own", "trusted", "unknown", "changed"


@dataclass(frozen=True)
class KeyStatus:
    state: str            # own / trusted / unknown / changed
    fingerprint: str
    trusted_fingerprint: str = ""


class ExchangeKeyService:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.log = ExchangeLog(db)

    def private_key(self) -> bytes:
        """The installation's key, created the first time it is needed (set-up or first export)."""
        stored = self.db.get_setting(PRIVATE_KEY_SETTING)
        if stored:
            return keys.unb64(stored)
        raw = keys.new_private_key()
        self.db.set_setting(PRIVATE_KEY_SETTING, keys.b64(raw))
        return raw

    def public_key(self) -> bytes:
        return keys.public_key_of(self.private_key())

    def fingerprint(self) -> str:
        return keys.fingerprint(self.public_key())

    def status(self, manifest: Manifest) -> KeyStatus:
        public = keys.unb64(manifest.public_key)
        fp = keys.fingerprint(public)
        if manifest.installation_id == self.db.installation_id:
            if public != self.public_key():
                return KeyStatus(CHANGED, fp, self.fingerprint())
            return KeyStatus(OWN, fp)
        trusted = self.log.active_key(manifest.unit_code, manifest.installation_id)
        if trusted is None:
            return KeyStatus(UNKNOWN, fp)
        if trusted.public_key != manifest.public_key:
            return KeyStatus(CHANGED, fp, trusted.fingerprint)
        return KeyStatus(TRUSTED, fp)

    def require(self, manifest: Manifest, *, trust_new: bool = False, retrust: bool = False) -> bool:
        """Raise unless the file's key may be used; returns True when it must be trusted now."""
        status = self.status(manifest)
        if status.state in (OWN, TRUSTED):
            return False
        if status.state == UNKNOWN:
            if trust_new:
                return True
            raise UntrustedKey(manifest.unit_code, manifest.unit_name, status.fingerprint)
        if manifest.installation_id == self.db.installation_id:
            raise ExchangeError(_("tệp mang mã máy này nhưng không do máy này ký."))
        if retrust:
            return True
        raise KeyChanged(manifest.unit_code, manifest.unit_name, status.fingerprint, status.trusted_fingerprint)

    def trust(self, manifest: Manifest) -> None:
        """Record the file's key as trusted (replacing an older key of that installation)."""
        self.log.trust(TrustedKey(manifest.unit_code, manifest.unit_name, manifest.installation_id,
                                  manifest.public_key, keys.fingerprint(keys.unb64(manifest.public_key)), now_iso()))
