"""Sub-commands of `danvan`, one module a feature."""
