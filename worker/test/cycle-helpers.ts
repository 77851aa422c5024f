import { COMMUNE_SET, call, fullItems, uniqueKey, type Who } from "./helpers.ts";

/** Helpers for the yearly-cycle tests: a private period per test file, submissions as admin. */
export const AT = "2024-12-10T09:00:00+07:00";

/**
 * A period of `year` on the demo commune set — for another year, on a copy of it made that
 * year's (a period's year is its set's: POST /v1/periods refuses another, 422 PERIOD_YEAR_MISMATCH).
 */
export async function newPeriod(id: string, year = 2024, deadline = "2025-01-31T17:00:00+07:00"): Promise<string> {
  const setId = year === COMMUNE_SET.year ? COMMUNE_SET.id : await communeSetOf(year);
  const res = await call("POST", "/v1/periods", { body: { id, year, criteriaSet: { id: setId, version: 1 }, deadline } });
  if (res.status !== 201 && res.body?.error?.code !== "PERIOD_EXISTS") throw new Error(`period ${id}: ${res.status} ${res.text}`);
  return id;
}

/** The demo commune set as `year`'s (its period that calendar year), published once. */
async function communeSetOf(year: number): Promise<string> {
  const set = { ...COMMUNE_SET, id: `t-commune-${year}`, year, period: { from: `${year}-01-01`, to: `${year}-12-31` } };
  const res = await call("POST", "/v1/criteria-sets", { body: { set, status: "published" } });
  if (res.status !== 201 && res.status !== 409) throw new Error(`set ${set.id}: ${res.status} ${res.text}`);
  return set.id;
}

/** Items at full marks except the first `short` choice/manual leaves, scored 0. */
export function itemsWith(short = 0): ReturnType<typeof fullItems> {
  const items = fullItems(COMMUNE_SET);
  let left = short;
  return items.map((i) => (left > 0 && typeof i.self === "number" && i.self > 0 ? (left--, { ...i, self: 0 }) : i));
}

export async function submitFor(period: string, unit: string, opts: { short?: number; at?: string; file?: { name: string; base64: string } } = {}) {
  const res = await call("POST", "/v1/submissions", {
    body: { period, unit, items: itemsWith(opts.short ?? 0), ...(opts.file ? { file: opts.file } : {}) },
    at: opts.at ?? AT,
    headers: { "Idempotency-Key": uniqueKey(unit) },
  });
  if (res.status !== 201) throw new Error(`submit ${unit}: ${res.status} ${res.text}`);
  return res.body as { id: string; version: number; report: { percent: number; total: number; items: { code: string; score: number; kind: string }[] } };
}

export const step = (period: string, unit: string, body: unknown, as: Who = "reviewer", at = AT) =>
  call("POST", `/v1/periods/${period}/units/${unit}/appraisal/transitions`, { body, as, at });

export const appraise = (period: string, unit: string, items: { code: string; score: number; comment?: string }[], as: Who = "reviewer") =>
  call("PUT", `/v1/periods/${period}/units/${unit}/appraisal/items`, { body: { items }, as, at: AT });

export async function createCommune(id: string, name: string, parentId = "huyen-dong-son"): Promise<void> {
  const res = await call("POST", "/v1/units", { body: { id, name, type: "commune", parentId, validFrom: "2020-01-01", validTo: "2025-06-30" } });
  if (res.status !== 201 && res.status !== 409) throw new Error(`unit ${id}: ${res.status} ${res.text}`);
}
