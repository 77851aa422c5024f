/** Idempotency-Key records (API-NOTES): the first answer of a create, replayed byte for byte. */
export interface StoredAnswer {
  requestHash: string;
  status: number;
  response: string;
}

export async function findIdempotentAnswer(db: D1Database, tokenId: string, key: string): Promise<StoredAnswer | null> {
  const row = await db
    .prepare("SELECT request_hash, status, response FROM idempotency_keys WHERE token_id = ?1 AND key = ?2")
    .bind(tokenId, key)
    .first<{ request_hash: string; status: number; response: string }>();
  return row ? { requestHash: row.request_hash, status: row.status, response: row.response } : null;
}

/** The answer of a create, stored in the create's own batch (its primary key makes a second use of the key fail the batch). */
export function insertAnswerStatement(db: D1Database, a: StoredAnswer & { tokenId: string; key: string; createdAt: string }): D1PreparedStatement {
  return db
    .prepare("INSERT INTO idempotency_keys (token_id, key, request_hash, status, response, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
    .bind(a.tokenId, a.key, a.requestHash, a.status, a.response, a.createdAt);
}

export const isIdempotencyConflict = (e: unknown): boolean => /UNIQUE constraint failed: idempotency_keys/i.test(String(e));
