import { withdrawCodesSql } from "../onboarding/withdraw-codes.ts";

/** Activation codes in D1 (migration 0006): stored by hash, redeemed once for a unit token. */
export interface NewActivationCode {
  id: string;
  codeHash: string;
  unitId: string;
  expiresAt: string;
}

export interface IssueContext {
  at: string;
  /** The issuing token (null: the admin CLI). */
  tokenId: string | null;
}

/**
 * Every code of one issue and its audit rows, after the units' earlier unused codes are
 * withdrawn: four statements whatever the number of units (a province issues a few hundred at
 * once), rows passed as one JSON array.
 */
export function insertCodesStatements(db: D1Database, codes: readonly NewActivationCode[], ctx: IssueContext): D1PreparedStatement[] {
  const rows = JSON.stringify(codes);
  const from = "FROM json_each(?1)";
  const field = (name: keyof NewActivationCode) => `json_extract(value, '$.${name}')`;
  const units = JSON.stringify([...new Set(codes.map((c) => c.unitId))]);
  const withdraw = withdrawCodesSql("?1", "?2", "?3");
  return [
    db.prepare(withdraw.audit).bind(units, ctx.at, ctx.tokenId),
    db.prepare(withdraw.update).bind(units, ctx.at),
    db
      .prepare(`INSERT INTO activation_codes (id, code_hash, unit_id, created_at, created_by, expires_at) SELECT ${field("id")}, ${field("codeHash")}, ${field("unitId")}, ?2, ?3, ${field("expiresAt")} ${from}`)
      .bind(rows, ctx.at, ctx.tokenId),
    db
      .prepare(
        `INSERT INTO audit_log (at, token_id, action, entity, entity_id, detail)
         SELECT ?2, ?3, 'activation_code.issue', 'activation_code', ${field("id")}, json_object('unit', ${field("unitId")}, 'expiresAt', ${field("expiresAt")}) ${from}`,
      )
      .bind(rows, ctx.at, ctx.tokenId),
  ];
}

export interface StoredActivationCode {
  id: string;
  /** With the unit it sits under: the activation answer names it, so namesakes can tell they got their own. */
  unit: { id: string; name: string; parent: { id: string; name: string } | null };
  expiresAt: string;
  usedAt: string | null;
  /** Withdrawn by a newer code of the unit (withdraw-codes.ts). */
  withdrawnAt: string | null;
}

export async function findCodeByHash(db: D1Database, codeHash: string): Promise<StoredActivationCode | null> {
  const row = await db
    .prepare(
      `SELECT c.id, c.unit_id, u.name AS unit_name, p.id AS parent_id, p.name AS parent_name, c.expires_at, c.used_at, c.withdrawn_at
       FROM activation_codes c JOIN units u ON u.id = c.unit_id LEFT JOIN units p ON p.id = u.parent_id WHERE c.code_hash = ?1`,
    )
    .bind(codeHash)
    .first<{ id: string; unit_id: string; unit_name: string; parent_id: string | null; parent_name: string | null; expires_at: string; used_at: string | null; withdrawn_at: string | null }>();
  if (!row) return null;
  const parent = row.parent_id && row.parent_name ? { id: row.parent_id, name: row.parent_name } : null;
  return row ? { id: row.id, unit: { id: row.unit_id, name: row.unit_name, parent }, expiresAt: row.expires_at, usedAt: row.used_at, withdrawnAt: row.withdrawn_at } : null;
}

export interface Redemption {
  codeId: string;
  tokenId: string;
  tokenHash: string;
  label: string;
  at: string;
  expiresAt: string;
}

/**
 * Redeeming, as one batch: the unit's token is inserted only while the code is unused, the
 * code is marked used only if that token now exists, and the audit row likewise. D1 runs a
 * batch as one transaction, so of two concurrent redeems of one code exactly one inserts a
 * token; the other's first statement changes nothing (its caller answers 410).
 */
export function redeemStatements(db: D1Database, r: Redemption): D1PreparedStatement[] {
  const tokenExists = "EXISTS (SELECT 1 FROM tokens WHERE id = ?2)";
  return [
    db
      .prepare(
        `INSERT INTO tokens (id, token_hash, role, unit_id, label, created_at, expires_at)
         SELECT ?2, ?3, 'unit', c.unit_id, ?4, ?5, ?6 FROM activation_codes c WHERE c.id = ?1 AND c.used_at IS NULL AND c.withdrawn_at IS NULL`,
      )
      .bind(r.codeId, r.tokenId, r.tokenHash, r.label, r.at, r.expiresAt),
    db.prepare(`UPDATE activation_codes SET used_at = ?3, token_id = ?2 WHERE id = ?1 AND used_at IS NULL AND ${tokenExists}`).bind(r.codeId, r.tokenId, r.at),
    db
      .prepare(
        `INSERT INTO audit_log (at, token_id, action, entity, entity_id, detail)
         SELECT ?3, ?2, 'activation_code.redeem', 'activation_code', ?1, json_object('unit', c.unit_id, 'token', ?2, 'expiresAt', ?4)
         FROM activation_codes c WHERE c.id = ?1 AND c.token_id = ?2`,
      )
      .bind(r.codeId, r.tokenId, r.at, r.expiresAt),
  ];
}

/** The audit action of a failed redeem; its entity_id is the hashed client address, so the rows are the rate counter too. */
export const ACTIVATION_FAILURE = "activation.fail";

/** Failed redeems up to `until` (ISO): from this address since `addressSince`, and from everywhere since `since`. */
export async function recentFailures(db: D1Database, address: string, window: { addressSince: string; since: string; until: string }): Promise<{ address: number; all: number }> {
  const row = await db
    .prepare(`SELECT COALESCE(SUM(entity_id = ?1 AND at > ?2), 0) AS address, COUNT(*) AS total FROM audit_log WHERE action = '${ACTIVATION_FAILURE}' AND at > ?3 AND at <= ?4`)
    .bind(address, window.addressSince, window.since, window.until)
    .first<{ address: number; total: number }>();
  return { address: row?.address ?? 0, all: row?.total ?? 0 };
}
