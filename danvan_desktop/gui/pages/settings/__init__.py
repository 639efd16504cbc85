"""Settings pages: unit, rule profile, change log."""
