"""Meetings and their minutes: the meeting service, conclusions to tasks, checks."""
