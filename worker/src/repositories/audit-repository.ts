/** Every write adds one of these to the same D1 batch, so the log never misses or invents a change. */
export interface AuditEntry {
  at: string;
  tokenId: string | null;
  action: string;
  entity: string;
  entityId: string;
  detail?: Record<string, unknown>;
}

export function auditStatement(db: D1Database, e: AuditEntry): D1PreparedStatement {
  return db
    .prepare("INSERT INTO audit_log (at, token_id, action, entity, entity_id, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
    .bind(e.at, e.tokenId, e.action, e.entity, e.entityId, JSON.stringify(e.detail ?? {}));
}

export interface AuditRow {
  id: number;
  at: string;
  tokenId: string | null;
  action: string;
  entity: string;
  entityId: string;
  detail: Record<string, unknown>;
}

export async function listAudit(db: D1Database, entity: string, entityId: string): Promise<AuditRow[]> {
  const { results } = await db
    .prepare("SELECT id, at, token_id, action, entity, entity_id, detail FROM audit_log WHERE entity = ?1 AND entity_id = ?2 ORDER BY id")
    .bind(entity, entityId)
    .all<{ id: number; at: string; token_id: string | null; action: string; entity: string; entity_id: string; detail: string }>();
  return results.map((r) => ({ id: r.id, at: r.at, tokenId: r.token_id, action: r.action, entity: r.entity, entityId: r.entity_id, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
