"""The upper level: received data, completeness and consolidation across communes."""
