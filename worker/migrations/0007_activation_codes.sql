-- Activation codes (issue 16): how a unit gets its token without anyone typing one.
-- Never edit this file once landed: add the next migration instead.

-- A code is stored only as the SHA-256 of its 10 symbols; it is redeemed once, before
-- expires_at, for a unit token. Redeeming sets used_at and the token it created, once.
CREATE TABLE activation_codes (
  id         TEXT NOT NULL PRIMARY KEY,
  code_hash  TEXT NOT NULL UNIQUE CHECK (length(code_hash) = 64),
  unit_id    TEXT NOT NULL REFERENCES units (id),
  role       TEXT NOT NULL DEFAULT 'unit' CHECK (role = 'unit'),
  created_at TEXT NOT NULL,
  -- The token that issued it; NULL for the admin CLI.
  created_by TEXT REFERENCES tokens (id),
  expires_at TEXT NOT NULL,
  used_at    TEXT,
  token_id   TEXT REFERENCES tokens (id),
  CHECK ((used_at IS NULL) = (token_id IS NULL))
);
CREATE INDEX activation_codes_unit ON activation_codes (unit_id);

CREATE TRIGGER activation_codes_redeem_once BEFORE UPDATE ON activation_codes
WHEN OLD.used_at IS NOT NULL OR OLD.id IS NOT NEW.id OR OLD.code_hash IS NOT NEW.code_hash OR OLD.unit_id IS NOT NEW.unit_id
  OR OLD.role IS NOT NEW.role OR OLD.created_at IS NOT NEW.created_at OR OLD.created_by IS NOT NEW.created_by OR OLD.expires_at IS NOT NEW.expires_at
BEGIN
  SELECT RAISE(ABORT, 'an activation code is redeemed once and never changed otherwise');
END;
CREATE TRIGGER activation_codes_no_delete BEFORE DELETE ON activation_codes
BEGIN
  SELECT RAISE(ABORT, 'activation codes are kept: they expire');
END;

-- Failed redeems are audit rows (action 'activation.fail', entity_id = a hash of the client
-- address); POST /v1/activate counts the recent ones per address and in all before it looks
-- a code up. This index keeps both counts to the recent rows.
CREATE INDEX audit_log_activation_failures ON audit_log (at, entity_id) WHERE action = 'activation.fail';
