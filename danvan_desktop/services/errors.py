"""The errors a caller of the services may meet and show: the screen and the command line catch these,
never the store's or the exchange's own modules. Each carries a Vietnamese message."""

from __future__ import annotations

from danvan_desktop.domain.records import RuleError
from danvan_desktop.exchange.errors import ExchangeError, KeyChanged, NewInstallation, UntrustedKey
from danvan_desktop.store.errors import NewerDatabase, StoreError

__all__ = ["ExchangeError", "KeyChanged", "NewInstallation", "NewerDatabase", "RuleError", "StoreError",
           "UntrustedKey"]
