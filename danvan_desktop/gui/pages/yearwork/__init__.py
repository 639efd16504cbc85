"""Công tác năm: the annual plan, scorecard, training record, document register and calendar."""
