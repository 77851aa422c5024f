import type { Context } from "hono";
import type { AppEnv } from "./env.ts";
import { ApiError } from "./errors.ts";
import { vietnamDay } from "./vietnam-day.ts";

/** Now, or `X-Test-Now` when the test config sets ALLOW_TEST_CLOCK=1 (never in production). */
export function now(c: Context<AppEnv>): Date {
  const forced = c.env.ALLOW_TEST_CLOCK === "1" ? c.req.header("X-Test-Now") : undefined;
  if (!forced) return new Date();
  const date = new Date(forced);
  if (Number.isNaN(date.getTime())) throw new ApiError(400, "VALIDATION_FAILED", "X-Test-Now is not a date", [{ path: "X-Test-Now", message: "not a date" }]);
  return date;
}

/** The calendar day (YYYY-MM-DD) in Vietnam at `d`: what "today" means for units' validity and dated files. */
export const today = (d: Date): string => vietnamDay(d);

/** "31/01/2025 17:00" in Vietnam time (UTC+7, no daylight saving). */
export function formatVietnamTime(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`;
}

/** The day before an ISO day (a predecessor's last day when its successor starts). */
export function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
