-- The period a hand-over is declared for (the commune picks it when exporting); the completeness
-- table counts a commune as having reported for a period by this, not by the periods its records touch.
ALTER TABLE exchange_batches_out ADD COLUMN period TEXT NOT NULL DEFAULT '';
ALTER TABLE exchange_batches_in ADD COLUMN period TEXT NOT NULL DEFAULT '';
CREATE INDEX exchange_batches_in_period ON exchange_batches_in (period, sender_unit);
