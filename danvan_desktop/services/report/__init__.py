"""The monthly (and longer) report: facts, drafting, settings, checks and rendering."""
