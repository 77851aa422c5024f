import type { Context } from "hono";
import { normalizeActivationCode, type Activation } from "../../../shared/index.ts";
import { now } from "../clock.ts";
import type { AppEnv } from "../env.ts";
import { sameRequest } from "../idempotency.ts";
import { localizedError } from "../locale.ts";
import { auditStatement } from "../repositories/audit-repository.ts";
import { ACTIVATION_FAILURE, findCodeByHash, recentFailures, redeemStatements } from "../repositories/activation-code-repository.ts";
import { sha256Hex } from "../sha256.ts";
import { DEFAULT_TOKEN_DAYS, validThrough } from "../validity.ts";
import { activationCodeHash, newTokenSecret } from "./activation-code.ts";
import { codeSecret, openAnswer, sealAnswer } from "./sealed-answer.ts";

/**
 * POST /v1/activate without a login, so guessing is bounded here: failed redeems are
 * counted per client address and in all (their audit rows are the counter), and past
 * either limit every redeem is refused, right or wrong, until the window has moved on.
 * With 50-bit codes, 1,000 guesses an hour province-wide for a code's longest life (60
 * days) find one of even 10,000 live codes with a chance of about 1 in 78,000 (SECURITY.md).
 */
export const ADDRESS_LIMIT = { failures: 10, minutes: 15 };
export const GLOBAL_LIMIT = { failures: 1_000, minutes: 60 };

const minutesBefore = (at: Date, minutes: number) => new Date(at.getTime() - minutes * 60_000).toISOString();

/** The client address as Cloudflare states it (clients cannot set it), hashed: only a counting key. */
async function addressKey(c: Context<AppEnv>): Promise<string> {
  return (await sha256Hex(`activation-address:${c.req.header("CF-Connecting-IP") ?? "unknown"}`)).slice(0, 32);
}

async function refuseWhenLimited(c: Context<AppEnv>, address: string, at: Date): Promise<void> {
  const window = { addressSince: minutesBefore(at, ADDRESS_LIMIT.minutes), since: minutesBefore(at, GLOBAL_LIMIT.minutes), until: at.toISOString() };
  const failed = await recentFailures(c.env.DB, address, window);
  const limit = failed.address >= ADDRESS_LIMIT.failures ? ADDRESS_LIMIT : failed.all >= GLOBAL_LIMIT.failures ? GLOBAL_LIMIT : null;
  if (!limit) return;
  c.header("Retry-After", String(limit.minutes * 60));
  throw localizedError(c, 429, "ACTIVATION_RATE_LIMITED", { minutes: limit.minutes });
}

/** "reused": an Idempotency-Key already used with another body (see `replay`). */
type FailureReason = "malformed" | "unknown" | "expired" | "withdrawn" | "used" | "reused";

/** A failed redeem's audit row (never the code: only why, and which code when one was found). */
async function recordFailure(c: Context<AppEnv>, address: string, at: string, reason: FailureReason, codeId?: string): Promise<void> {
  await auditStatement(c.env.DB, { at, tokenId: null, action: ACTIVATION_FAILURE, entity: "activation", entityId: address, detail: { reason, ...(codeId ? { code: codeId } : {}) } }).run();
}

/**
 * An Idempotency-Key on a redeem (API-NOTES): a commune whose 201 was lost on a bad line
 * retries with the same key and body and gets the same answer — the same token — for
 * ACTIVATION_REPLAY_HOURS after the redeem, instead of 410 for the code it has just spent.
 * There is no caller before the token, so keys on this route are one namespace: the token a
 * keyed redeem creates is named after the key (`keyedTokenId`), its answer is kept under that
 * token, and a key can create one token only (the same key with another code → 409, and a
 * concurrent twin with another code fails on the token's id). The answer is kept sealed under
 * the code and the key (sealed-answer.ts): D1 holds neither, so a copy of it cannot open it.
 * Failures keep nothing, so a key first sent with a wrong code still redeems a right one.
 */
export const ACTIVATION_REPLAY_HOURS = 24;
const RECORD_KEY = "POST /v1/activate";

const keyedTokenId = async (key: string) => `tok-act-${(await sha256Hex(`parindex activation key\u0000${key}`)).slice(0, 32)}`;

/**
 * What makes two redeems one request (API6-1): the code as read (normalizeActivationCode: case,
 * spaces and dashes aside, O read as 0, I and L as 1), not the bytes of the body. The code
 * printed ("03XJ-2D75-S2") and as a person typed it ("03xj 2d75 s2") is one code everywhere,
 * so a retry that writes it the other way is a replay, never 409 counted as a failed redeem.
 */
const redeemFingerprint = (symbols: string | null) => sha256Hex(`${RECORD_KEY}\u0000code\u0000${symbols ?? ""}`);

interface KeyedRedeem {
  key: string;
  /** redeemFingerprint of the code. */
  requestHash: string;
  /** The body's fingerprints as records kept before API6-1 hold them: those still replay. */
  earlierHashes: readonly string[];
  /** The token this key's redeem creates, and under which its answer is kept. */
  tokenId: string;
}

async function keptAnswer(db: D1Database, tokenId: string): Promise<{ requestHash: string; status: number; response: string; createdAt: string } | null> {
  const row = await db
    .prepare("SELECT request_hash, status, response, created_at FROM idempotency_keys WHERE token_id = ?1 AND key = ?2")
    .bind(tokenId, RECORD_KEY)
    .first<{ request_hash: string; status: number; response: string; created_at: string }>();
  return row ? { requestHash: row.request_hash, status: row.status, response: row.response, createdAt: row.created_at } : null;
}

/** The sealed answer, kept in the redeem's own batch only if that batch spent the code for this token. */
function keepAnswerStatement(db: D1Database, r: { tokenId: string; codeId: string; requestHash: string; sealed: string; at: string }): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO idempotency_keys (token_id, key, request_hash, status, response, created_at)
       SELECT ?1, ?2, ?3, 201, ?4, ?5 WHERE EXISTS (SELECT 1 FROM activation_codes WHERE id = ?6 AND token_id = ?1)`,
    )
    .bind(r.tokenId, RECORD_KEY, r.requestHash, r.sealed, r.at, r.codeId);
}

const isUniqueFailure = (e: unknown) => /UNIQUE constraint failed/i.test(String(e));

export async function redeemActivationCode(c: Context<AppEnv>, typed: string): Promise<Activation> {
  const clock = now(c);
  const at = clock.toISOString();
  const address = await addressKey(c);
  await refuseWhenLimited(c, address, clock);
  const symbols = normalizeActivationCode(typed);
  const request = c.get("idempotency");
  const keyed: KeyedRedeem | null = request
    ? { key: request.key, requestHash: await redeemFingerprint(symbols), earlierHashes: [request.requestHash, ...(request.legacyHashes ?? [])], tokenId: await keyedTokenId(request.key) }
    : null;
  /**
   * The answer this key was given, if it is still to be replayed. A replay is not a failed
   * redeem; the key with another body is (409), or a known key would let guesses at its code
   * go uncounted (a right guess would be answered with the token).
   */
  const replay = async (): Promise<Activation | null> => {
    const first = keyed ? await keptAnswer(c.env.DB, keyed.tokenId) : null;
    if (!keyed || !first) return null;
    if (![keyed.requestHash, ...keyed.earlierHashes].includes(first.requestHash)) {
      await recordFailure(c, address, at, "reused");
      sameRequest(first, keyed.requestHash); // another code: 409 IDEMPOTENCY_KEY_REUSED
    }
    if (clock.getTime() - Date.parse(first.createdAt) > ACTIVATION_REPLAY_HOURS * 3_600_000) return null;
    return JSON.parse(await openAnswer(codeSecret(symbols ?? ""), keyed.key, first.response)) as Activation;
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const code = symbols ? await findCodeByHash(c.env.DB, await activationCodeHash(symbols)) : null;
  const expired = code !== null && Date.parse(code.expiresAt) <= clock.getTime();
  // A code withdrawn by a newer one of its unit answers as an unknown one does (a used code is never withdrawn).
  const withdrawn = code !== null && code.withdrawnAt !== null;
  if (!symbols || !code || expired || withdrawn) {
    await recordFailure(c, address, at, !symbols ? "malformed" : withdrawn ? "withdrawn" : expired ? "expired" : "unknown", code?.id);
    throw localizedError(c, 401, "ACTIVATION_INVALID");
  }
  const used = () => localizedError(c, 410, "ACTIVATION_USED");
  if (code.usedAt !== null) {
    await recordFailure(c, address, at, "used", code.id);
    throw used();
  }
  const token = newTokenSecret();
  const tokenId = keyed?.tokenId ?? `tok-${crypto.randomUUID()}`;
  const expiresAt = validThrough(at, DEFAULT_TOKEN_DAYS);
  const answer: Activation = { token, unit: code.unit, role: "unit", expiresAt };
  const redemption = { codeId: code.id, tokenId, tokenHash: await sha256Hex(token), label: `Kích hoạt: ${code.unit.name}`, at, expiresAt };
  const keep = keyed
    ? [keepAnswerStatement(c.env.DB, { tokenId, codeId: code.id, requestHash: keyed.requestHash, sealed: await sealAnswer(codeSecret(symbols), keyed.key, JSON.stringify(answer)), at })]
    : [];
  let inserted: D1Result | undefined;
  try {
    [inserted] = await c.env.DB.batch([...redeemStatements(c.env.DB, redemption), ...keep]);
  } catch (e) {
    // A concurrent twin with this key won (its token and answer exist): answer as it was answered.
    const winner = keyed && isUniqueFailure(e) ? await replay() : null;
    if (winner) return winner;
    throw e;
  }
  if (inserted?.meta.changes !== 1) {
    // A concurrent redeem of the same code won between the lookup and this batch.
    const winner = await replay();
    if (winner) return winner;
    await recordFailure(c, address, at, "used", code.id);
    throw used();
  }
  return answer;
}
