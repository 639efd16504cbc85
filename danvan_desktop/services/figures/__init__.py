"""The month's facts: figures, counters from records, the situation log, DVK models."""
