-- A unit has one live activation code: issuing a code withdraws the unit's earlier codes not
-- yet used (withdrawn_at), which then answer as an unknown code does (401 ACTIVATION_INVALID).
-- A lost sheet, or a code read out to the wrong office, is withdrawn by issuing again
-- (worker/src/onboarding/withdraw-codes.ts). Never edit this file once landed: add 0012_… instead.
ALTER TABLE activation_codes ADD COLUMN withdrawn_at TEXT;

-- Redeemed once, or withdrawn once, never both, and never changed otherwise.
DROP TRIGGER activation_codes_redeem_once;
CREATE TRIGGER activation_codes_redeem_once BEFORE UPDATE ON activation_codes
WHEN OLD.used_at IS NOT NULL OR OLD.withdrawn_at IS NOT NULL OR (NEW.used_at IS NOT NULL AND NEW.withdrawn_at IS NOT NULL)
  OR OLD.id IS NOT NEW.id OR OLD.code_hash IS NOT NEW.code_hash OR OLD.unit_id IS NOT NEW.unit_id
  OR OLD.role IS NOT NEW.role OR OLD.created_at IS NOT NEW.created_at OR OLD.created_by IS NOT NEW.created_by OR OLD.expires_at IS NOT NEW.expires_at
BEGIN
  SELECT RAISE(ABORT, 'an activation code is redeemed or withdrawn once and never changed otherwise');
END;
