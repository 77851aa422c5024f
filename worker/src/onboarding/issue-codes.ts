import type { Context } from "hono";
import type { IssuedCodes } from "../../../shared/index.ts";
import { bearerSecret } from "../auth.ts";
import { now } from "../clock.ts";
import type { AppEnv } from "../env.ts";
import { sameRequest } from "../idempotency.ts";
import { insertCodesStatements } from "../repositories/activation-code-repository.ts";
import { findIdempotentAnswer, insertAnswerStatement, isIdempotencyConflict } from "../repositories/idempotency-repository.ts";
import { validThrough } from "../validity.ts";
import { activationCodeHash, newActivationCode } from "./activation-code.ts";
import type { CodeTarget } from "./code-targets.ts";
import { openAnswer, sealAnswer } from "./sealed-answer.ts";

/**
 * Issues one code per unit, valid through the end of the day `days` days from now
 * (Vietnam time). The codes and their audit rows are one batch; D1 keeps only their hashes.
 * With an Idempotency-Key, a retry gets the same codes back (the first answer, sealed) and
 * nothing new is issued; the same key with another body → 409.
 */
export async function issueCodes(c: Context<AppEnv>, units: readonly CodeTarget[], days: number): Promise<IssuedCodes> {
  const db = c.env.DB;
  const { tokenId } = c.get("principal");
  const request = c.get("idempotency");
  const secret = bearerSecret(c.req.header("Authorization"))!;
  // The unit and ?days= are in the URL: requestHash covers them (idempotency.ts).
  const fingerprint = request?.requestHash ?? "";
  const replay = async (): Promise<IssuedCodes | null> => {
    const first = request ? await findIdempotentAnswer(db, tokenId, request.key) : null;
    return first && request ? (JSON.parse(await openAnswer(secret, request.key, sameRequest(first, request).response)) as IssuedCodes) : null;
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const at = now(c).toISOString();
  const expiresAt = validThrough(at, days);
  const answer: IssuedCodes = { items: units.map((u) => ({ code: newActivationCode(), unit: { id: u.id, name: u.name, parent: u.parent }, role: "unit" as const, expiresAt })) };
  const rows = await Promise.all(answer.items.map(async (i) => ({ id: `act-${crypto.randomUUID()}`, codeHash: await activationCodeHash(i.code), unitId: i.unit.id, expiresAt })));
  const record = request
    ? [insertAnswerStatement(db, { tokenId, key: request.key, requestHash: fingerprint, status: 201, response: await sealAnswer(secret, request.key, JSON.stringify(answer)), createdAt: at })]
    : [];
  try {
    await db.batch([...record, ...insertCodesStatements(db, rows, { at, tokenId })]);
  } catch (e) {
    // A concurrent request with the same key stored its codes first: answer with those.
    const winner = isIdempotencyConflict(e) ? await replay() : null;
    if (winner) return winner;
    throw e;
  }
  return answer;
}
