import type { Context } from "hono";
import { normalizeActivationCode, type Activation } from "../../../shared/index.ts";
import { now } from "../clock.ts";
import type { AppEnv } from "../env.ts";
import { localizedError } from "../locale.ts";
import { auditStatement } from "../repositories/audit-repository.ts";
import { ACTIVATION_FAILURE, findCodeByHash, recentFailures, redeemStatements } from "../repositories/activation-code-repository.ts";
import { sha256Hex } from "../sha256.ts";
import { DEFAULT_TOKEN_DAYS, validThrough } from "../validity.ts";
import { activationCodeHash, newTokenSecret } from "./activation-code.ts";

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

type FailureReason = "malformed" | "unknown" | "expired" | "withdrawn" | "used";

/** A failed redeem's audit row (never the code: only why, and which code when one was found). */
async function recordFailure(c: Context<AppEnv>, address: string, at: string, reason: FailureReason, codeId?: string): Promise<void> {
  await auditStatement(c.env.DB, { at, tokenId: null, action: ACTIVATION_FAILURE, entity: "activation", entityId: address, detail: { reason, ...(codeId ? { code: codeId } : {}) } }).run();
}

export async function redeemActivationCode(c: Context<AppEnv>, typed: string): Promise<Activation> {
  const clock = now(c);
  const at = clock.toISOString();
  const address = await addressKey(c);
  await refuseWhenLimited(c, address, clock);
  const symbols = normalizeActivationCode(typed);
  const code = symbols ? await findCodeByHash(c.env.DB, await activationCodeHash(symbols)) : null;
  const expired = code !== null && Date.parse(code.expiresAt) <= clock.getTime();
  // A code withdrawn by a newer one of its unit answers as an unknown one does (a used code is never withdrawn).
  const withdrawn = code !== null && code.withdrawnAt !== null;
  if (!code || expired || withdrawn) {
    await recordFailure(c, address, at, !symbols ? "malformed" : withdrawn ? "withdrawn" : expired ? "expired" : "unknown", code?.id);
    throw localizedError(c, 401, "ACTIVATION_INVALID");
  }
  const used = () => localizedError(c, 410, "ACTIVATION_USED");
  if (code.usedAt !== null) {
    await recordFailure(c, address, at, "used", code.id);
    throw used();
  }
  const token = newTokenSecret();
  const tokenId = `tok-${crypto.randomUUID()}`;
  const expiresAt = validThrough(at, DEFAULT_TOKEN_DAYS);
  const redemption = { codeId: code.id, tokenId, tokenHash: await sha256Hex(token), label: `Kích hoạt: ${code.unit.name}`, at, expiresAt };
  const [inserted] = await c.env.DB.batch(redeemStatements(c.env.DB, redemption));
  if (inserted?.meta.changes !== 1) {
    // A concurrent redeem of the same code won between the lookup and this batch.
    await recordFailure(c, address, at, "used", code.id);
    throw used();
  }
  return { token, unit: code.unit, role: "unit", expiresAt };
}
