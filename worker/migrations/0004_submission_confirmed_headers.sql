-- The column mapping a user confirmed in the add-in (ConfirmedHeader[] as JSON), kept with
-- the version it scored, so the server can locate the same table again later (the evidence
-- register of a stored version). NULL: the table was found without help. Existing rows keep
-- NULL; submissions stay append-only (the column is set by the INSERT only).
ALTER TABLE submissions ADD COLUMN confirmed_headers TEXT;
