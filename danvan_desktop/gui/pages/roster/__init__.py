"""Roster pages: members, villages, post history, roster import."""
