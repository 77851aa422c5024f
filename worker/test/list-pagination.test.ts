import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { RankingSchema } from "../../shared/index.ts";
// @ts-ignore -- the add-in is its own TypeScript project (tsconfig.addin.json); here it runs against the real Worker.
import { ApiClient } from "../../addin/src/api/client.ts";
import { AT, newPeriod, submitFor } from "./cycle-helpers.ts";
import { call, type Who } from "./helpers.ts";
import { workerFetch } from "./observed-statuses.ts";

/**
 * API-NOTES: "Lists are ordered and paginated with `?limit=&cursor=`". The ranking (JSON) and
 * the completeness board page as criteria sets, periods and submissions do: `?limit=` 1–200,
 * whole without ?limit, `nextCursor` null on the last page, 400 VALIDATION_FAILED for a limit out of
 * range or a cursor this API did not give. Exports (CSV, XLSX) stay whole.
 */
const P = "t-pages-2024";
/** Communes added to the two demo districts: with the demo's own, more than two default pages each way. */
const PER_DISTRICT = 60;
const DISTRICTS = ["huyen-an-binh", "huyen-dong-son"] as const;

/** Units closed long before the period: in the reviewer's district, and in the other. */
const CLOSED_MINE = "t-page-zz-closed-0";
const CLOSED = "t-page-zz-closed-1";

const added: string[] = [];

beforeAll(async () => {
  await newPeriod(P);
  const at = new Date().toISOString();
  const statements = DISTRICTS.flatMap((district, d) =>
    Array.from({ length: PER_DISTRICT }, (_, i) => {
      const id = `t-page-${d}-${String(i).padStart(3, "0")}`;
      added.push(id);
      // Names that Vietnamese order sorts differently from their ids.
      const name = `Xã ${["Ấp", "Ân", "An", "Bắc", "Đồng", "Đông"][i % 6]} ${String(PER_DISTRICT - i).padStart(3, "0")} ${d}`;
      return env.DB.prepare("INSERT INTO units (id, name, type, parent_id, valid_from, valid_to, created_at) VALUES (?1, ?2, 'commune', ?3, '2020-01-01', '2025-06-30', ?4)").bind(id, name, district, at);
    }),
  );
  // Not of the period (closed in 2000), each with the name of t-page-d-010 and an id after it.
  for (const [id, d] of [[CLOSED_MINE, 0], [CLOSED, 1]] as const) {
    statements.push(env.DB.prepare("INSERT INTO units (id, name, type, parent_id, valid_from, valid_to, created_at) VALUES (?1, ?2, 'commune', ?3, '1999-01-01', '2000-12-31', ?4)").bind(id, `Xã Đồng 050 ${d}`, DISTRICTS[d], at));
  }
  await env.DB.batch(statements);
  // Some scores, with ties, so that ranks are shared and not the position on a page.
  for (const [i, id] of added.slice(0, 24).entries()) await submitFor(P, id, { short: i % 4 });
});

const get = async (path: string, as: Who = "admin") => {
  const res = await call("GET", path, { as, at: AT });
  expect(res.status, res.text).toBe(200);
  return res.body;
};

/** Every page from the first, following nextCursor. */
async function allPages(path: string, limit: number | null, as: Who = "admin"): Promise<any[]> {
  const pages: any[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams();
    if (limit !== null) params.set("limit", String(limit));
    if (cursor) params.set("cursor", cursor);
    const page: any = await get(`${path}${params.size ? `?${params}` : ""}`, as);
    pages.push(page);
    cursor = page.nextCursor;
    expect(pages.length).toBeLessThan(500);
  } while (cursor);
  return pages;
}

/** The answer to a cursor this API did not give (src/cursor.ts), Vietnamese first. */
const unknownCursor = {
  error: {
    code: "VALIDATION_FAILED",
    message: "Con trỏ trang (cursor) không phải do API này trả về; hãy đọc lại từ trang đầu / cursor is not one this API gave; start again from the first page",
    issues: [{ path: "cursor", message: "con trỏ không hợp lệ / unknown cursor" }],
  },
};

const boardUnits = (board: any): string[] => board.groups.flatMap((g: any) => g.units.map((u: any) => u.unit));

describe("GET /v1/periods/:id/ranking (JSON) pages over the ranking", () => {
  it("answers whole without ?limit (nextCursor null); a page of 50 with a nextCursor and the whole head", async () => {
    const whole = await get(`/v1/periods/${P}/ranking?limit=200`);
    expect(whole.items.length).toBeGreaterThan(2 * 50);
    expect(whole.items.length).toBeLessThanOrEqual(200);
    expect(whole.nextCursor).toBeNull();
    expect(await get(`/v1/periods/${P}/ranking`)).toEqual(whole);
    const first = await get(`/v1/periods/${P}/ranking?limit=50`);
    // An empty cursor is the first page, as on the other lists (it was 400 here).
    expect(await get(`/v1/periods/${P}/ranking?limit=50&cursor=`)).toEqual(first);
    expect(first.items).toHaveLength(50);
    expect(typeof first.nextCursor).toBe("string");
    expect(first.items).toEqual(whole.items.slice(0, 50));
    // The head describes the whole ranking on every page.
    const { items: _a, nextCursor: _b, ...head } = whole;
    const { items: _c, nextCursor: _d, ...firstHead } = first;
    expect(firstHead).toEqual(head);
    expect(RankingSchema.safeParse(first).success).toBe(true);
  });

  it("gives every unit once, in the ranking's order, with its rank in the whole ranking", async () => {
    const whole = (await get(`/v1/periods/${P}/ranking?limit=200`)).items;
    for (const limit of [7, 50, null]) {
      const pages = await allPages(`/v1/periods/${P}/ranking`, limit);
      expect(pages.at(-1).nextCursor).toBeNull();
      for (const page of pages.slice(0, -1)) expect(page.items).toHaveLength(limit ?? 50);
      expect(pages.flatMap((p) => p.items)).toEqual(whole);
    }
    // Ranks are shared (ties) and run past the page size: rank, not the position on the page.
    expect(new Set(whole.map((i: any) => i.rank)).size).toBeLessThan(whole.length);
    const second = await get(`/v1/periods/${P}/ranking?limit=7&cursor=${encodeURIComponent((await get(`/v1/periods/${P}/ranking?limit=7`)).nextCursor)}`);
    expect(second.items.map((i: any) => i.rank)).toEqual(whole.slice(7, 14).map((i: any) => i.rank));
    // The last ranked unit (the units that sent nothing follow it, with no rank).
    expect(whole.filter((i: any) => i.rank !== null).at(-1).rank).toBeGreaterThan(7);
    expect(whole.at(-1).rank).toBeNull();
  });

  it("pages a reviewer's subtree with province-wide ranks", async () => {
    const whole = (await get(`/v1/periods/${P}/ranking?limit=200`)).items;
    const mine = (await get(`/v1/periods/${P}/ranking?limit=200`, "reviewer")).items;
    expect(mine.length).toBeGreaterThan(50);
    expect(mine.length).toBeLessThan(whole.length);
    expect(mine).toEqual(whole.filter((i: any) => mine.some((m: any) => m.unit === i.unit)));
    const pages = await allPages(`/v1/periods/${P}/ranking`, 50, "reviewer");
    expect(pages.length).toBe(Math.ceil(mine.length / 50));
    expect(pages.flatMap((p) => p.items)).toEqual(mine);
  });

  it("keeps the exports whole (?format=csv|xlsx ignore the page)", async () => {
    const csv = await call("GET", `/v1/periods/${P}/ranking?format=csv&limit=5`, { at: AT });
    expect(csv.status).toBe(200);
    for (const id of added) expect(csv.text).toContain(id);
    const xlsx = await workerFetch(`https://parindex.test/v1/periods/${P}/ranking?format=xlsx&limit=5`, { headers: { Authorization: "Bearer demo-admin", "X-Test-Now": AT } });
    expect(xlsx.status).toBe(200);
    expect((await xlsx.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it("refuses a limit out of range or a cursor it did not give with 400 VALIDATION_FAILED", async () => {
    for (const q of ["limit=0", "limit=201", "limit=abc", "limit=1.5", "cursor=nonsense", "cursor=%40", "cursor=t-page-0-000%40x", "cursor=t-page-0-000%400"]) {
      const res = await call("GET", `/v1/periods/${P}/ranking?${q}`, { at: AT });
      expect(res.status, q).toBe(400);
      expect(res.body.error.code, q).toBe("VALIDATION_FAILED");
      expect(res.body.error.issues?.length, q).toBeGreaterThan(0);
    }
  });

  it("refuses a cursor naming a unit that is not in the ranking at that rank (400)", async () => {
    const first = await get(`/v1/periods/${P}/ranking?limit=10`);
    const [, rank, mark] = (first.nextCursor as string).split("@");
    const res = await call("GET", `/v1/periods/${P}/ranking?limit=5&cursor=${encodeURIComponent(`not-in-it@${rank}@${mark}`)}`, { at: AT });
    expect([res.status, res.body.error.code]).toEqual([400, "VALIDATION_FAILED"]);
  });
  it("after a write between two pages that changed the ranking, answers 409 RANKING_CHANGED: the walk starts again (round 4, finding 1)", async () => {
    const first = await get(`/v1/periods/${P}/ranking?limit=10`);
    const before = (await get(`/v1/periods/${P}/ranking?limit=200`)).items;
    const climber = before.at(-1).unit;
    await submitFor(P, climber);
    const after = (await get(`/v1/periods/${P}/ranking?limit=200`)).items;
    expect(after.find((i: any) => i.unit === climber).rank).toBe(1);
    const second = await call("GET", `/v1/periods/${P}/ranking?limit=10&cursor=${encodeURIComponent(first.nextCursor)}`, { at: AT });
    expect([second.status, second.body.error.code]).toEqual([409, "RANKING_CHANGED"]);
    const pages = await allPages(`/v1/periods/${P}/ranking`, 10);
    expect(pages.flatMap((p) => p.items)).toEqual(after);
  });
});

describe("GET /v1/periods/:id/board pages over its units", () => {
  it("answers whole without ?limit; a page of 50 units in their groups, counts of the whole board and group", async () => {
    const whole = await get(`/v1/periods/${P}/board?limit=200`);
    expect(whole.nextCursor).toBeNull();
    expect(boardUnits(whole).length).toBeGreaterThan(100);
    expect(await get(`/v1/periods/${P}/board`)).toEqual(whole);
    const first = await get(`/v1/periods/${P}/board?limit=50`);
    expect(await get(`/v1/periods/${P}/board?limit=50&cursor=`)).toEqual(first);
    expect(boardUnits(first)).toEqual(boardUnits(whole).slice(0, 50));
    expect(typeof first.nextCursor).toBe("string");
    expect(first.counts).toEqual(whole.counts);
    for (const g of first.groups) expect(g.counts).toEqual(whole.groups.find((w: any) => w.parent === g.parent).counts);
  });

  it("gives every unit once, in the board's order, a group split over pages on each", async () => {
    const whole = await get(`/v1/periods/${P}/board?limit=200`);
    for (const limit of [9, 50, null]) {
      const pages = await allPages(`/v1/periods/${P}/board`, limit);
      expect(pages.at(-1).nextCursor).toBeNull();
      for (const page of pages.slice(0, -1)) expect(boardUnits(page)).toHaveLength(limit ?? 50);
      expect(pages.flatMap(boardUnits)).toEqual(boardUnits(whole));
      // Groups rebuilt from the pages are the whole board's groups.
      const merged = new Map<string | null, any[]>();
      for (const g of pages.flatMap((p) => p.groups)) merged.set(g.parent, [...(merged.get(g.parent) ?? []), ...g.units]);
      expect([...merged.entries()]).toEqual(whole.groups.map((g: any) => [g.parent, g.units]));
    }
  });

  it("pages a reviewer's subtree and keeps ?at=", async () => {
    const at = encodeURIComponent("2025-02-10T09:00:00+07:00");
    const whole = await get(`/v1/periods/${P}/board?limit=200&at=${at}`, "reviewer");
    expect(whole.groups.map((g: any) => g.parent)).toEqual(["huyen-an-binh"]);
    const first = await get(`/v1/periods/${P}/board?limit=25&at=${at}`, "reviewer");
    const second = await get(`/v1/periods/${P}/board?limit=25&at=${at}&cursor=${encodeURIComponent(first.nextCursor)}`, "reviewer");
    expect([...boardUnits(first), ...boardUnits(second)]).toEqual(boardUnits(whole).slice(0, 50));
    expect(second.groups[0].units.every((u: any) => typeof u.late === "boolean")).toBe(true);
    expect(second.groups[0].units.some((u: any) => u.late)).toBe(true);
  });

  it("resumes after a cursor's unit in board order even when that unit is not on the board", async () => {
    const whole = boardUnits(await get(`/v1/periods/${P}/board?limit=200`));
    // A unit closed long before the period, named as one of Đông Sơn's: it sorts right after that one.
    const page = await get(`/v1/periods/${P}/board?limit=200&cursor=${CLOSED}`);
    expect(boardUnits(page)).toEqual(whole.slice(whole.indexOf("t-page-1-010") + 1));
    // The last unit of the board: nothing follows.
    const end = await get(`/v1/periods/${P}/board?cursor=${whole.at(-1)}`);
    expect(end.groups).toEqual([]);
    expect(end.nextCursor).toBeNull();
  });

  it("answers a reviewer's cursor naming a unit outside its subtree as one that does not exist (existence must not leak)", async () => {
    for (const cursor of ["t-page-1-000", CLOSED, "no-such-unit"]) {
      const res = await call("GET", `/v1/periods/${P}/board?cursor=${cursor}`, { as: "reviewer" });
      expect(res.status, cursor).toBe(400);
      expect(res.body, cursor).toEqual(unknownCursor);
    }
    // A unit of its own district closed before the period is in its scope: the page starts where it sorts.
    const mine = boardUnits(await get(`/v1/periods/${P}/board?limit=200`, "reviewer"));
    const page = await get(`/v1/periods/${P}/board?limit=200&cursor=${CLOSED_MINE}`, "reviewer");
    expect(boardUnits(page)).toEqual(mine.slice(mine.indexOf("t-page-0-010") + 1));
  });

  it("refuses a limit out of range or an unknown cursor with 400 VALIDATION_FAILED", async () => {
    for (const q of ["limit=0", "limit=201", "limit=x", "cursor=no-such-unit", "cursor=NOT%20AN%20ID"]) {
      const res = await call("GET", `/v1/periods/${P}/board?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code, q).toBe("VALIDATION_FAILED");
    }
  });
});

describe("the add-in's ranking pull", () => {
  it("is one request for the whole ranking; from a server that pages anyway it follows nextCursor: every unit, once", async () => {
    const whole = (await get(`/v1/periods/${P}/ranking?limit=200`)).items;
    for (const pageSize of [null, 40]) {
      const requested: string[] = [];
      const client = new ApiClient("https://parindex.test", "demo-admin", async (input: RequestInfo | URL, init?: RequestInit) => {
        requested.push(String(input));
        // Served 40 a page here when asked: a server that pages without being asked.
        const url = new URL(String(input));
        if (pageSize !== null) url.searchParams.set("limit", String(pageSize));
        return workerFetch(url.toString(), init);
      });
      const r = await client.ranking(P);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.items.map((i: { unit: string }) => i.unit)).toEqual(whole.map((i: any) => i.unit));
      expect(r.value.items.map((i: { rank: number | null }) => i.rank)).toEqual(whole.map((i: any) => i.rank));
      expect(requested).toHaveLength(pageSize === null ? 1 : Math.ceil(whole.length / pageSize));
      expect(new URL(requested[0]!).searchParams.has("limit")).toBe(false);
    }
  });
});
