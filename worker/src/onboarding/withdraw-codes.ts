/**
 * A unit has one live code at a time: issuing one withdraws the unit's earlier codes not yet
 * used (withdrawn_at, migration 0011: they answer 401 ACTIVATION_INVALID, as an unknown or
 * expired code does), each with an audit row. A lost sheet, or a code read out to the wrong
 * office, is then withdrawn by issuing again. The SQL is written over three expressions —
 * the JSON array of unit ids, the time, the issuing token — so that the Worker binds them and
 * the admin CLI writes them as literals (dev/admin-codes.ts).
 */
export function withdrawCodesSql(unitIds: string, at: string, tokenId: string): { audit: string; update: string } {
  const earlier = `FROM activation_codes c WHERE c.unit_id IN (SELECT value FROM json_each(${unitIds})) AND c.used_at IS NULL AND c.withdrawn_at IS NULL AND julianday(c.expires_at) > julianday(${at})`;
  return {
    audit: `INSERT INTO audit_log (at, token_id, action, entity, entity_id, detail)
     SELECT ${at}, ${tokenId}, 'activation_code.withdraw', 'activation_code', c.id, json_object('unit', c.unit_id, 'expiresAt', c.expires_at) ${earlier}`,
    update: `UPDATE activation_codes SET withdrawn_at = ${at} WHERE id IN (SELECT c.id ${earlier})`,
  };
}
