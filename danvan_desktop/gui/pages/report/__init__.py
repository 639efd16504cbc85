"""Report pages: list, editor, preview, settings."""
