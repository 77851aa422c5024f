import type { Context, MiddlewareHandler } from "hono";
import { IsoDateTimeSchema } from "./api-schemas.ts";
import type { AppEnv, Principal, Role } from "./env.ts";
import { formatVietnamTime, now } from "./clock.ts";
import { ApiError, forbidden } from "./errors.ts";
import { findActiveTokenByHash } from "./repositories/token-repository.ts";
import { isWithinSubtree } from "./repositories/unit-repository.ts";
import { sha256Hex } from "./sha256.ts";

/** Tokens are stored only as this hash (hex SHA-256 of the secret). */
export { sha256Hex };

const unauthenticated = (message: string) => new ApiError(401, "UNAUTHENTICATED", message);

/** RFC 6750 §3: a 401 of a bearer-protected route names the scheme; a token that was sent and refused is invalid_token. */
const REALM = 'Bearer realm="parindex"';
const INVALID_TOKEN = `${REALM}, error="invalid_token"`;

/** The secret of `Authorization: Bearer <secret>`, or null when the header is absent or malformed. */
export function bearerSecret(header: string | undefined): string | null {
  return (header ? /^Bearer\s+(\S{1,512})\s*$/i.exec(header)?.[1] : null) ?? null;
}

/**
 * The principal of a request's `Authorization: Bearer <token>`, or the 401 that refuses it with
 * its challenge: one reading for the routes (requireToken) and for a check that runs before
 * them (the period lock's replay of an earlier answer, idempotency.ts).
 */
export async function bearerPrincipal(c: Context<AppEnv>): Promise<{ principal: Principal } | { refused: ApiError; challenge: string }> {
  const secret = bearerSecret(c.req.header("Authorization"));
  if (!secret) return { refused: unauthenticated("Thiếu mã truy cập / send Authorization: Bearer <token>"), challenge: REALM };
  const token = await findActiveTokenByHash(c.env.DB, await sha256Hex(secret));
  if (!token) return { refused: unauthenticated("Mã truy cập không hợp lệ hoặc đã thu hồi / unknown or revoked token"), challenge: INVALID_TOKEN };
  if (token.expiresAt !== null) {
    // An end of validity that is not a real instant (Date.parse would take 2027-02-30 as
    // 2 March) is treated as passed: a token never outlives a typo.
    const end = IsoDateTimeSchema.safeParse(token.expiresAt).success ? Date.parse(token.expiresAt) : Number.NaN;
    if (Number.isNaN(end)) return { refused: new ApiError(401, "TOKEN_EXPIRED", "Hạn dùng của mã truy cập không đọc được: đề nghị cấp mã mới / the token's end of validity is unreadable; ask the province for a new one"), challenge: INVALID_TOKEN };
    if (end <= now(c).getTime()) {
      const shown = formatVietnamTime(token.expiresAt);
      return { refused: new ApiError(401, "TOKEN_EXPIRED", `Mã truy cập đã hết hạn lúc ${shown}: đề nghị cơ quan thường trực CCHC cấp mã mới / the token expired on ${shown}; ask the province for a new one`), challenge: INVALID_TOKEN };
    }
  }
  return { principal: { tokenId: token.tokenId, role: token.role, unitId: token.unitId } };
}

/** `Authorization: Bearer <token>` → the principal, or 401 in the envelope. */
export const requireToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  const read = await bearerPrincipal(c);
  if ("refused" in read) {
    c.header("WWW-Authenticate", read.challenge);
    throw read.refused;
  }
  c.set("principal", read.principal);
  await next();
};

export function requireRole(principal: Principal, ...roles: readonly Role[]): void {
  if (!roles.includes(principal.role)) throw forbidden(`Cần quyền ${roles.join(" hoặc ")} / requires role ${roles.join(" or ")}`);
}

/** A route's declared roles (api-route.ts): the token, then its role, before anything else is read. */
export function requireRoles(roles: readonly Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await requireToken(c, async () => {
      requireRole(c.get("principal"), ...roles);
      await next();
    });
  };
}

/**
 * Scope rule: admin sees everything, a unit token its own unit, a reviewer its unit's
 * subtree through parent links — across dates, so a 2024 district reviewer still covers
 * communes that were merged away in 2025.
 */
export async function canAccessUnit(db: D1Database, principal: Principal, unitId: string): Promise<boolean> {
  if (principal.role === "admin") return true;
  if (principal.unitId === null) return false;
  if (principal.unitId === unitId) return true;
  return principal.role === "reviewer" && isWithinSubtree(db, principal.unitId, unitId);
}

/**
 * The appraisal rule (issue 15, item 4): a reviewer appraises units strictly below its own;
 * its own unit's submission (a district's) is appraised by the province — the admin, or a
 * reviewer of a unit above it. Reading the appraisal stays with canAccessUnit.
 */
export async function canAppraiseUnit(db: D1Database, principal: Principal, unitId: string): Promise<boolean> {
  if (principal.role === "admin") return true;
  if (principal.role !== "reviewer" || principal.unitId === null || principal.unitId === unitId) return false;
  return isWithinSubtree(db, principal.unitId, unitId);
}
