import { beforeAll, describe, expect, it } from "vitest";
// @ts-ignore -- the add-in is its own TypeScript project (tsconfig.addin.json); here it runs against the real Worker.
import { ApiClient } from "../../addin/src/api/client.ts";
import { AT, createCommune, newPeriod, submitFor } from "./cycle-helpers.ts";
import { call, type Who } from "./helpers.ts";
import { workerFetch } from "./observed-statuses.ts";

/**
 * Red-team round 4, findings 1 and 7: a paged walk is of one list.
 *   1. A ranking cursor is tied to the ranking it paged: after a write that changed the ranking
 *      (a unit moving above the cursor), the next page is 409 RANKING_CHANGED — never a page of
 *      another ranking, which had silently dropped the unit that moved up.
 *   7. A cursor this API did not give (another list's, a row that does not exist, a number
 *      written otherwise) is 400 VALIDATION_FAILED, Vietnamese first — on every list.
 */
const P = "t-r4-pages-2024";
const UNITS = Array.from({ length: 8 }, (_, i) => `t-r4-page-${i}`);

beforeAll(async () => {
  await newPeriod(P);
  for (const [i, id] of UNITS.entries()) await createCommune(id, `Xã Trang ${String.fromCharCode(65 + i)}`);
  // Distinct scores: the first unit best, each next one a leaf short more.
  for (const [i, id] of UNITS.entries()) await submitFor(P, id, { short: i });
});

const get = async (path: string, as: Who = "admin") => {
  const res = await call("GET", path, { as, at: AT });
  expect(res.status, res.text).toBe(200);
  return res.body;
};
const page = (limit: number, cursor?: string, as: Who = "admin") =>
  call("GET", `/v1/periods/${P}/ranking?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { as, at: AT });

/** Every page from the first; the status of a page that failed ends the walk. */
async function walk(limit: number, between: (n: number) => Promise<void> = async () => {}, as: Who = "admin"): Promise<{ items: any[]; failed: { status: number; body: any } | null }> {
  const items: any[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < 100; n++) {
    const res = await page(limit, cursor, as);
    if (res.status !== 200) return { items, failed: res };
    items.push(...res.body.items);
    if (res.body.nextCursor === null) return { items, failed: null };
    cursor = res.body.nextCursor;
    await between(n);
  }
  throw new Error("never ended");
}

const ids = (items: any[]) => items.map((i) => i.unit);

describe("a ranking walk is of one ranking (finding 1)", () => {
  it("walks every unit once while nothing changes, for the admin and a reviewer", async () => {
    const whole = (await get(`/v1/periods/${P}/ranking`)).items;
    for (const limit of [1, 3, 200]) {
      const { items, failed } = await walk(limit);
      expect(failed).toBeNull();
      expect(items).toEqual(whole);
    }
    const mine = (await get(`/v1/periods/${P}/ranking`, "reviewer")).items;
    const { items, failed } = await walk(2, undefined, "reviewer");
    expect(failed).toBeNull();
    expect(items).toEqual(mine);
  });

  it("answers 409 RANKING_CHANGED, Vietnamese first, when a unit moved above the cursor since the page before; the walk started again is whole", async () => {
    const before = (await get(`/v1/periods/${P}/ranking`)).items;
    const climber = before.find((i: any) => i.unit === UNITS.at(-1))!;
    expect(climber.rank).toBeGreaterThan(3);
    const { items, failed } = await walk(3, async (n) => {
      if (n === 0) await submitFor(P, climber.unit); // full marks: it ties the best and moves above the cursor
    });
    expect(items).toHaveLength(3);
    expect(failed?.status).toBe(409);
    expect(failed?.body.error.code).toBe("RANKING_CHANGED");
    expect(failed?.body.error.message).toMatch(/^Bảng xếp hạng đã thay đổi.*trang đầu.* \/ the ranking changed/);
    const now = (await get(`/v1/periods/${P}/ranking`)).items;
    expect(now.find((i: any) => i.unit === climber.unit).rank).toBe(1);
    const again = await walk(3);
    expect(again.failed).toBeNull();
    expect(again.items).toEqual(now);
    expect(new Set(ids(again.items)).size).toBe(now.length);
  });

  it("refuses a cursor of another period's ranking or another caller's view, and a cursor of the old form", async () => {
    const other = "t-r4-pages-other";
    await newPeriod(other);
    await submitFor(other, UNITS[0]!);
    const foreign = (await get(`/v1/periods/${other}/ranking?limit=1`)).nextCursor as string;
    expect(typeof foreign).toBe("string");
    const res = await page(2, foreign);
    expect([res.status, res.body.error.code]).toEqual([409, "RANKING_CHANGED"]);
    const reviewers = (await get(`/v1/periods/${P}/ranking?limit=1`, "reviewer")).nextCursor as string;
    expect((await page(2, reviewers)).status).toBe(409);
    // The form given before (unit@rank): its ranking is unknown, so the walk starts again.
    const first = (await get(`/v1/periods/${P}/ranking?limit=1`)).items[0];
    expect((await page(2, `${first.unit}@${first.rank}`)).body.error.code).toBe("RANKING_CHANGED");
  });

  it("refuses with 400 a cursor that names no unit of the ranking at its rank, or is written otherwise", async () => {
    const first = await get(`/v1/periods/${P}/ranking?limit=1`);
    const given = first.nextCursor as string;
    const [unit, rank, mark] = given.split("@");
    for (const cursor of [`${unit}@${Number(rank) + 1}@${mark}`, `not-in-it@${rank}@${mark}`, `${unit}@0${rank}@${mark}`, `${unit}@${rank}@${mark}x`, "nonsense", "@@"]) {
      const res = await page(2, cursor);
      expect(res.status, cursor).toBe(400);
      expect(res.body.error.code, cursor).toBe("VALIDATION_FAILED");
      expect(res.body.error.message, cursor).toMatch(/^Con trỏ trang/);
      expect(res.body.error.issues[0].path, cursor).toBe("cursor");
    }
  });
});

describe("the add-in's ranking pull over pages (finding 1)", () => {
  it("starts again once when the ranking changed between two pages, and gets every unit", async () => {
    const requested: string[] = [];
    let wrote = false;
    const client = new ApiClient("https://parindex.test", "demo-admin", async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input));
      requested.push(url.search);
      // A server that pages without being asked, and a write right after the first page.
      url.searchParams.set("limit", "3");
      const headers = new Headers(init?.headers);
      headers.set("X-Test-Now", AT);
      const res = await workerFetch(url.toString(), { ...init, headers });
      if (!wrote) {
        wrote = true;
        await submitFor(P, UNITS[6]!);
      }
      return res;
    });
    const r = await client.ranking(P);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const whole = (await get(`/v1/periods/${P}/ranking`)).items;
    expect(r.value.items.map((i: { unit: string }) => i.unit)).toEqual(ids(whole));
    expect(r.value.items.map((i: { rank: number | null }) => i.rank)).toEqual(whole.map((i: any) => i.rank));
    // First page, the refused second, then the whole walk again from the first page.
    expect(requested[0]).toBe("");
    expect(requested[2]).toBe("");
  });
});

describe("a cursor this API did not give is 400 on every list (finding 7)", () => {
  const refused = async (path: string, as: Who = "admin") => {
    const res = await call("GET", path, { as, at: AT });
    expect(res.status, `${path}: ${res.text}`).toBe(400);
    expect(res.body.error.code, path).toBe("VALIDATION_FAILED");
    expect(res.body.error.message, path).toMatch(/^Con trỏ trang \(cursor\) .* \/ cursor is not one this API gave/);
    expect(res.body.error.issues, path).toEqual([{ path: "cursor", message: expect.stringMatching(/^con trỏ .* \/ unknown cursor$/) }]);
  };
  const cursorOf = (path: string) => encodeURIComponent(path);

  it("periods: a year out of range, negative or written otherwise, a period that does not exist or of another year", async () => {
    for (const cursor of ["99999999999999999999:a", "-5:a", "2024:no-such-period", "2023:t-r4-pages-2024", "02024:t-r4-pages-2024", "2024.0:t-r4-pages-2024", ":x", "2024:", "nonsense"]) {
      await refused(`/v1/periods?cursor=${cursorOf(cursor)}`);
    }
    // What it gives still walks every period once.
    const first = await get("/v1/periods?limit=1");
    const second = await get(`/v1/periods?limit=200&cursor=${cursorOf(first.nextCursor)}`);
    const all = await get("/v1/periods?limit=200");
    expect([...first.items, ...second.items]).toEqual(all.items);
  });

  it("submissions: a version negative, zero, written otherwise or not stored, another period's than asked", async () => {
    const unit = UNITS[0]!;
    await submitFor(P, unit); // a second version
    const base = `/v1/submissions?unit=${unit}&period=${P}`;
    for (const cursor of [`${P}@-1`, `${P}@0`, `${P}@1e2`, `${P}@01`, `${P}@1.0`, `${P}@99`, `2024-commune@1`, `no-such-period@1`, "nonsense", "@1"]) {
      await refused(`${base}&cursor=${cursorOf(cursor)}`);
    }
    const first = await get(`${base}&limit=1`);
    expect(first.nextCursor).toBe(`${P}@1`);
    const rest = await get(`${base}&limit=200&cursor=${cursorOf(first.nextCursor)}`);
    expect(rest.items.map((i: any) => i.version)).toEqual([2]);
    // Without ?period= a cursor of any period of the unit's versions is one the list gives.
    const other = await get(`/v1/submissions?unit=${unit}&limit=1`);
    expect((await get(`/v1/submissions?unit=${unit}&limit=200&cursor=${cursorOf(other.nextCursor)}`)).items.length).toBeGreaterThan(0);
    await refused(`/v1/submissions?unit=${unit}&cursor=${cursorOf(`${P}@7`)}`);
  });

  it("criteria sets: a version zero or not stored, a set that does not exist, a draft for a caller who sees none", async () => {
    for (const cursor of ["zzz@0", "zzz@1", "demo-commune-2024@0", "demo-commune-2024@2", "demo-commune-2024@01", "demo-commune-2024", "nonsense"]) {
      await refused(`/v1/criteria-sets?cursor=${cursorOf(cursor)}`);
    }
    const draft = { ...(await get("/v1/criteria-sets/demo-commune-2024")).set, id: "t-r4-draft" };
    expect((await call("POST", "/v1/criteria-sets", { body: { set: draft } })).status).toBe(201);
    expect((await get(`/v1/criteria-sets?cursor=${cursorOf("t-r4-draft@1")}`)).items).toBeDefined();
    await refused(`/v1/criteria-sets?cursor=${cursorOf("t-r4-draft@1")}`, "unit");
    const first = await get("/v1/criteria-sets?limit=1", "unit");
    const rest = await get(`/v1/criteria-sets?limit=200&cursor=${cursorOf(first.nextCursor)}`, "unit");
    const all = await get("/v1/criteria-sets?limit=200", "unit");
    expect([...first.items, ...rest.items]).toEqual(all.items);
  });

  it("the board says it in Vietnamese first too", async () => {
    await refused(`/v1/periods/${P}/board?cursor=no-such-unit`);
  });
});
