"""The .dvx hand-over file: format rules, keys and signatures, writing, verifying and merging."""
