import type { Principal, Role } from "../env.ts";

export interface NewToken {
  id: string;
  tokenHash: string;
  role: Role;
  unitId: string | null;
  label: string;
  createdAt: string;
}

/** The unrevoked token with this hash, with its end of validity (null: none). */
export async function findActiveTokenByHash(db: D1Database, tokenHash: string): Promise<(Principal & { expiresAt: string | null }) | null> {
  const row = await db
    .prepare("SELECT id, role, unit_id, expires_at FROM tokens WHERE token_hash = ?1 AND revoked_at IS NULL")
    .bind(tokenHash)
    .first<{ id: string; role: Role; unit_id: string | null; expires_at: string | null }>();
  return row ? { tokenId: row.id, role: row.role, unitId: row.unit_id, expiresAt: row.expires_at } : null;
}

export function insertTokenStatement(db: D1Database, t: NewToken): D1PreparedStatement {
  return db
    .prepare("INSERT INTO tokens (id, token_hash, role, unit_id, label, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
    .bind(t.id, t.tokenHash, t.role, t.unitId, t.label, t.createdAt);
}
