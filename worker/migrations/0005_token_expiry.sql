-- Tokens may carry an end of validity (ISO date-time); NULL never expires (the local demo
-- tokens, and tokens created before this migration). The admin CLI sets one by default.
ALTER TABLE tokens ADD COLUMN expires_at TEXT;
