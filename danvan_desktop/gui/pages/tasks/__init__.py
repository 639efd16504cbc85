"""Task and village-team pages."""
