"""Figures, situation log and DVK model pages."""
