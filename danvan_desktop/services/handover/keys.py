"""This installation's signing key and the keys it trusts (trust on first use, as ssh does)."""

from __future__ import annotations

from dataclasses import dataclass

from danvan_desktop.domain.i18n import _
from danvan_desktop.exchange import keys
from danvan_desktop.exchange.errors import ExchangeError, KeyChanged, NewInstallation, UntrustedKey
from danvan_desktop.exchange.manifest import Manifest
from danvan_desktop.store.database import Database
from danvan_desktop.store.exchange_log import ExchangeLog, TrustedKey, now_iso

PRIVATE_KEY_SETTING = "exchange_private_key"   # settings never travel: the private key stays on this PC

OWN, TRUSTED, UNKNOWN, CHANGED = "own", "trusted", "unknown", "changed"
NEW_INSTALLATION = "new_installation"   # a known unit, an installation never seen (reinstalled or second PC)
TO_CONFIRM = (UNKNOWN, NEW_INSTALLATION)


@dataclass(frozen=True)
class KeyStatus:
    state: str            # own / trusted / unknown / new_installation / changed
    fingerprint: str
    trusted_fingerprint: str = ""
    known_installation: str = ""    # new_installation: the installation whose key is trusted already

    @property
    def needs_confirmation(self) -> bool:
        return self.state in TO_CONFIRM


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
            known = [k for k in self.log.trusted_keys() if k.unit_code == manifest.unit_code]
            if known:
                newest = max(known, key=lambda k: k.trusted_at)
                return KeyStatus(NEW_INSTALLATION, fp, newest.fingerprint, newest.installation_id)
            if manifest.unit_code == self.db.unit_code:   # another PC of this very unit: this PC is the known one
                return KeyStatus(NEW_INSTALLATION, fp, self.fingerprint(), self.db.installation_id)
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
        if status.state == NEW_INSTALLATION:
            if trust_new:
                return True
            raise NewInstallation(manifest.unit_code, manifest.unit_name, status.fingerprint, manifest.installation_id,
                                  status.trusted_fingerprint, status.known_installation)
        if manifest.installation_id == self.db.installation_id:
            raise ExchangeError(_("tệp mang mã máy này nhưng không do máy này ký."))
        if retrust:
            return True
        raise KeyChanged(manifest.unit_code, manifest.unit_name, status.fingerprint, status.trusted_fingerprint)

    def trust(self, manifest: Manifest) -> None:
        """Record the file's key as trusted (replacing an older key of that installation)."""
        self.log.trust(TrustedKey(manifest.unit_code, manifest.unit_name, manifest.installation_id,
                                  manifest.public_key, keys.fingerprint(keys.unb64(manifest.public_key)), now_iso()))


def confirmation_text(manifest: Manifest, status: KeyStatus) -> str:
    """What the officer is asked to confirm (the CLI prints it when --trust-new acts on it)."""
    from danvan_desktop.exchange.errors import new_installation_text
    if status.state == NEW_INSTALLATION:
        return new_installation_text(manifest.unit_code, manifest.unit_name, status.fingerprint,
                                     manifest.installation_id, status.trusted_fingerprint, status.known_installation)
    return _("Lần đầu nhận tệp từ {unit} (mã {code}); mã nhận dạng khóa {fp}.").format(
        unit=manifest.unit_name, code=manifest.unit_code, fp=status.fingerprint)
