"""The unit itself: set-up, villages, preferences and the change log."""
