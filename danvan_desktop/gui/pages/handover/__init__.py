"""Hand-over pages: export, import, batches, the upper level's tab."""
