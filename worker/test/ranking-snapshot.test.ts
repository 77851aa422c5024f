import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { BUILD_WAIT, buildSnapshot, rankingSnapshot } from "../src/cycle/ranking-snapshot.ts";
import { UNITS_PER_STATEMENT } from "../src/cycle/ranking-units.ts";
import { periodScope } from "../src/cycle/period-units.ts";
import { AT, appraise, createCommune, newPeriod, step, submitFor } from "./cycle-helpers.ts";
import department from "../../fixtures/criteria/demo-department-2024.json";
import { CriteriaSetSchema, scoreWorkbook } from "../../shared/index.ts";
import { gridFromItems } from "../src/items-grid.ts";
import { call, fullItems, uniqueKey } from "./helpers.ts";

/**
 * Never a stale answer (issue 17, item 2): for every write that can change a period's
 * ranking, read it (the snapshot is stored), write, read again — the answer must differ from
 * the one before and equal a ranking rebuilt from nothing (every unit computed again, no
 * stored snapshot). The ranking of the year before matters too (year over year).
 */
const P = "t-snap-2024";
const PRIOR = "t-snap-2023";
const AFTER_DEADLINE = "2025-02-10T09:00:00+07:00";

const read = async (period = P, at = AT) => {
  const res = await call("GET", `/v1/periods/${period}/ranking`, { at });
  expect(res.status, res.text).toBe(200);
  return res.body;
};

/** The period's snapshot is stored and current (a read now is served from it). */
async function stored(period = P): Promise<boolean> {
  const row = await env.DB.prepare("SELECT built = generation AS current FROM ranking_periods WHERE period_id = ?1").bind(period).first<{ current: number }>();
  return row?.current === 1;
}

/** What a build from nothing gives: every unit's result and every snapshot dropped first. */
async function rebuilt(period = P, at = AT) {
  await env.DB.batch([env.DB.prepare("UPDATE ranking_units SET computed_rev = 0"), env.DB.prepare("UPDATE ranking_periods SET built = NULL")]);
  return read(period, at);
}

async function expectFreshAfter(write: () => Promise<unknown>, at = AT): Promise<void> {
  const before = await read(P, at);
  expect(await stored()).toBe(true);
  await write();
  const after = await read(P, at);
  expect(after).not.toEqual(before);
  expect(after).toEqual(await rebuilt(P, at));
}

const expectOk = async (res: Promise<{ status: number; text: string }>, status = 200) => {
  const r = await res;
  expect(r.status, r.text).toBe(status);
};

let ready = false;
async function setUp(): Promise<void> {
  if (ready) return;
  ready = true;
  await newPeriod(PRIOR, 2023);
  await newPeriod(P, 2024);
  for (const [id, name] of [["t-snap-a", "Xã Ảnh A"], ["t-snap-b", "Xã Ảnh B"], ["t-snap-c", "Xã Ảnh C"], ["t-snap-d", "Xã Ảnh D"]] as const) await createCommune(id, name);
  for (const [unit, short] of [["t-snap-a", 0], ["t-snap-b", 2], ["t-snap-c", 4], ["t-snap-d", 1]] as const) {
    await submitFor(PRIOR, unit, { short: short + 1 });
    await submitFor(P, unit, { short });
  }
}

describe("the ranking snapshot is never stale", () => {
  it("serves the stored snapshot while nothing changed: from the isolate's memory, else from its rows in D1", async () => {
    await setUp();
    const first = await read(); // built, stored, kept in memory
    expect(await stored()).toBe(true);
    // Mark the stored row: a read from D1 shows the mark, a read from memory does not, a rebuild removes it.
    const mark = () =>
      env.DB.prepare(
        `UPDATE ranking_snapshot_chunks SET items = (SELECT json_set(items, j.fullkey || '.unitName', 'Đã lưu') FROM json_each(items) j WHERE j.value ->> '$.unit' = 't-snap-a')
         WHERE period_id = ?1 AND EXISTS (SELECT 1 FROM json_each(items) j WHERE j.value ->> '$.unit' = 't-snap-a')`,
      ).bind(P).run();
    const marked = async () =>
      (await env.DB.prepare("SELECT j.value ->> '$.unitName' AS name FROM ranking_snapshot_chunks c, json_each(c.items) j WHERE c.period_id = ?1 AND j.value ->> '$.unit' = 't-snap-a'").bind(P).first<{ name: string }>())!.name === "Đã lưu";
    await mark();
    expect(await read()).toEqual(first);
    expect(await marked()).toBe(true);
    // Two other periods read push this one out of memory (two at most): the next read is from D1.
    await read(PRIOR);
    await read("2024-commune");
    expect((await read()).items.find((i: { unit: string }) => i.unit === "t-snap-a").unitName).toBe("Đã lưu");
    expect(await marked()).toBe(true);
    expect(await rebuilt()).toEqual(first);
  });

  it("a new version", () => expectFreshAfter(() => submitFor(P, "t-snap-a", { short: 3 })));

  it("each appraisal step and write: start, appraise, return, explain, start again, accept unchanged, finalize, reopen", async () => {
    await setUp();
    await expectFreshAfter(() => expectOk(step(P, "t-snap-b", { action: "start_review" }, "admin")));
    await expectFreshAfter(() => expectOk(appraise(P, "t-snap-b", [{ code: "1.3", score: 0 }], "admin")));
    await expectFreshAfter(() => expectOk(appraise(P, "t-snap-b", [{ code: "1.3", score: 1 }], "admin")));
    await expectFreshAfter(() => expectOk(step(P, "t-snap-b", { action: "return", reason: "Bổ sung tài liệu" }, "admin")));
    await expectFreshAfter(() => expectOk(step(P, "t-snap-b", { action: "explain", explanations: [{ code: "1.3", text: "Đã bổ sung" }] }, "admin")));
    await expectFreshAfter(() => expectOk(step(P, "t-snap-b", { action: "start_review" }, "admin")));
    await expectFreshAfter(() => expectOk(step(P, "t-snap-c", { action: "start_review" }, "admin")));
    await expectFreshAfter(() => expectOk(call("POST", `/v1/periods/${P}/units/t-snap-c/appraisal/accept-unchanged`, { at: AT })));
    await expectFreshAfter(() => expectOk(step(P, "t-snap-b", { action: "finalize" }, "admin")));
    await expectFreshAfter(() => expectOk(step(P, "t-snap-b", { action: "reopen", reason: "Khiếu nại của đơn vị" }, "admin")));
    await expectFreshAfter(() => expectOk(call("POST", `/v1/periods/${P}/appraisal/bulk`, { body: { action: "finalize", units: ["t-snap-b", "t-snap-c"] }, at: AT })));
  });

  it("a survey import", () => expectFreshAfter(() => expectOk(call("POST", `/v1/periods/${P}/survey`, { rawBody: "t-snap-d;7.1.1;4\r\nt-snap-a;7.2;3,5\r\n", headers: { "Content-Type": "text/csv" } }), 201)));

  it("the first survey import of a period with a rescaled set: every unit's result, not only the surveyed one's (§6: the rescale is per period)", async () => {
    const SET = CriteriaSetSchema.parse({ ...department, id: "t-snap-department-2024" });
    const Q = "t-snap-dept-2024";
    await expectOk(call("POST", "/v1/criteria-sets", { body: { set: SET, status: "published" } }), 201);
    await expectOk(call("POST", "/v1/periods", { body: { id: Q, year: 2024, criteriaSet: { id: SET.id, version: 1 }, deadline: "2099-01-31T17:00:00+07:00" } }), 201);
    const items = fullItems(SET);
    const submit = (unit: string) => expectOk(call("POST", "/v1/submissions", { body: { period: Q, unit, items }, at: AT, headers: { "Idempotency-Key": uniqueKey(unit) } }), 201);
    await submit("so-noi-vu");
    await submit("so-tu-phap");
    const unit = (r: { items: { unit: string }[] }, id: string) => r.items.find((i) => i.unit === id) as unknown as { max: number; percent: number; survey: { imported: boolean } };
    const before = await read(Q);
    expect(await stored(Q)).toBe(true);
    const rescaled = scoreWorkbook(gridFromItems(items as never, SET), SET);
    expect(unit(before, "so-noi-vu")).toMatchObject({ max: rescaled.max, percent: rescaled.percent });

    // so-tu-phap's survey only: so-noi-vu is no longer rescaled either (its survey counts 0).
    await expectOk(call("POST", `/v1/periods/${Q}/survey`, { rawBody: "so-tu-phap;7.1;8\r\n", headers: { "Content-Type": "text/csv" } }), 201);
    const after = await read(Q);
    const unsurveyed = scoreWorkbook(gridFromItems(items as never, SET), SET, { survey: { "7.1": 0 } });
    expect(unsurveyed.max).toBeGreaterThan(rescaled.max);
    expect(unit(after, "so-noi-vu")).toMatchObject({ max: unsurveyed.max, percent: unsurveyed.percent, survey: { imported: false } });
    expect(unit(after, "so-tu-phap")).toMatchObject({ max: unsurveyed.max, survey: { imported: true } });
    expect(unit(after, "so-tu-phap").percent).toBeGreaterThan(unit(after, "so-noi-vu").percent);
    expect(after).toEqual(await rebuilt(Q));

    // A version stored after the import is not rescaled either (its result is written in its own batch).
    await submit("so-y-te");
    const later = await read(Q);
    expect(unit(later, "so-y-te")).toMatchObject({ max: unsurveyed.max, percent: unsurveyed.percent });
    expect(later).toEqual(await rebuilt(Q));
  });

  it("a deadline exception, and a deadline passing with no write at all", async () => {
    await setUp();
    await createCommune("t-snap-late", "Xã Ảnh Chưa Nộp");
    // Before the deadline a unit yet to submit is neither on time nor late (null), after it late (false).
    const early = (await read(P, AT)).items.find((i: { unit: string }) => i.unit === "t-snap-late");
    expect(early.onTime).toBeNull();
    const late = (await read(P, AFTER_DEADLINE)).items.find((i: { unit: string }) => i.unit === "t-snap-late");
    expect(late.onTime).toBe(false);
    expect(await read(P, AFTER_DEADLINE)).toEqual(await rebuilt(P, AFTER_DEADLINE));
    // …and back: the clock of a test may go backwards; the snapshot says when its answers hold.
    expect((await read(P, AT)).items.find((i: { unit: string }) => i.unit === "t-snap-late").onTime).toBeNull();
    await expectFreshAfter(
      () => expectOk(call("POST", `/v1/periods/${P}/exceptions`, { body: { unit: "t-snap-late", deadline: "2025-03-31T17:00:00+07:00", reason: "Bão lũ" }, at: "2025-01-20T09:00:00+07:00" }), 201),
      AFTER_DEADLINE,
    );
  });

  it("a unit created, a merge, a stated baseline", async () => {
    await setUp();
    await expectFreshAfter(() => createCommune("t-snap-new", "Xã Ảnh Mới"));
    for (const id of ["t-snap-m1", "t-snap-m2"]) {
      await expectOk(call("POST", "/v1/units", { body: { id, name: `Xã Ảnh ${id}`, type: "commune", parentId: "huyen-dong-son", validFrom: "2020-01-01", validTo: "2025-06-30" } }), 201);
    }
    await expectFreshAfter(() =>
      expectOk(call("POST", "/v1/units/merge", { body: { into: { id: "t-snap-m12", name: "Xã Ảnh Hợp Nhất", type: "commune", parentId: "tinh-minh-hoa" }, from: ["t-snap-m1", "t-snap-m2"], date: "2024-07-01" } }), 201),
    );
    await expectFreshAfter(() => expectOk(call("PUT", "/v1/periods/baselines/t-snap-a", { body: { year: 2023, percent: 55.5, note: "UBND tỉnh công bố" } })));
  });

  it("last year's ranking: a write to it, and a period of last year that now comes first", async () => {
    await setUp();
    await expectFreshAfter(() => submitFor(PRIOR, "t-snap-b"));
    // Last year's period is the one with the most units with results, ties by id (year-over-year.ts):
    // a new period of last year comes first once as many units sent it a version.
    await newPeriod("t-snap-0000", 2023);
    for (const unit of ["t-snap-a", "t-snap-b", "t-snap-c"]) await submitFor("t-snap-0000", unit);
    expect((await read()).previousPeriod).toBe(PRIOR);
    await expectFreshAfter(() => submitFor("t-snap-0000", "t-snap-d"));
    expect((await read()).previousPeriod).toBe("t-snap-0000");
  });

  /** D1 through a proxy that counts batches and statements run alone. */
  function counted(): { db: D1Database; batches: () => number; alone: () => number } {
    let batches = 0;
    let alone = 0;
    const statement = (s: D1PreparedStatement): D1PreparedStatement =>
      new Proxy(s, {
        get(target, key) {
          const value = Reflect.get(target, key, target) as unknown;
          if (typeof value !== "function") return value;
          if (key === "bind") return (...args: unknown[]) => statement(target.bind(...args));
          if (key === "first" || key === "all" || key === "run" || key === "raw") alone++;
          return (value as (...a: unknown[]) => unknown).bind(target);
        },
      });
    const db = new Proxy(env.DB, {
      get(target, key) {
        if (key === "prepare") return (sql: string) => statement(target.prepare(sql));
        if (key === "batch") return (statements: D1PreparedStatement[]) => (batches++, target.batch(statements));
        return Reflect.get(target, key, target);
      },
    }) as D1Database;
    return { db, batches: () => batches, alone: () => alone };
  }

  const markStale = (units: string[]) =>
    env.DB.batch([
      env.DB.prepare("UPDATE ranking_units SET computed_rev = 0 WHERE period_id = ?1 AND unit_id IN (SELECT value FROM json_each(?2))").bind(P, JSON.stringify(units)),
      env.DB.prepare("UPDATE ranking_periods SET built = NULL WHERE period_id = ?1").bind(P),
    ]);

  it("after one write a build is two batches: the stale unit's inputs ride in the first, its result is stored with the ranking", async () => {
    await setUp();
    await read(PRIOR);
    const fresh = await rebuilt();
    await markStale(["t-snap-b"]);
    const d1 = counted();
    const built = await buildSnapshot(d1.db, await periodScope(env.DB, P), new Date(AT));
    // (Last year's snapshot, kept in this isolate's memory, is checked by its description read in the first batch: no look of its own.)
    expect([d1.batches(), d1.alone()]).toEqual([2, 0]);
    expect(await stored()).toBe(true);
    const row = await env.DB.prepare("SELECT computed_rev = rev AS current FROM ranking_units WHERE period_id = ?1 AND unit_id = 't-snap-b'").bind(P).first<{ current: number }>();
    expect(row?.current).toBe(1);
    expect(built.rows.map((r) => JSON.parse(r.item))).toEqual(fresh.items);
  });

  it("a read that finds its snapshot out of date builds with the period its description carried: one look, then the build's two batches", async () => {
    await setUp();
    await read(PRIOR);
    const fresh = await rebuilt();
    await markStale(["t-snap-c"]);
    const d1 = counted();
    const snapshot = await rankingSnapshot(d1.db, P, new Date(AT));
    // The description (with the period's row), then the build's two batches (last year's description in the first): no query for the period alone.
    expect([d1.batches(), d1.alone()]).toEqual([2, 1]);
    expect(snapshot.rows.map((r) => JSON.parse(r.item))).toEqual(fresh.items);
  });

  it("more stale units than a statement holds: those the first batch did not read are read after it, and all are stored", async () => {
    await setUp();
    const fresh = await rebuilt();
    const per = UNITS_PER_STATEMENT.n;
    try {
      UNITS_PER_STATEMENT.n = 1;
      for (const stale of [["t-snap-c"], ["t-snap-a", "t-snap-b", "t-snap-c", "t-snap-d"]]) {
        await markStale(stale);
        expect(await read()).toEqual(fresh);
        const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM ranking_units WHERE period_id = ?1 AND computed_rev < rev").bind(P).first<{ n: number }>();
        expect(left?.n).toBe(0);
      }
    } finally {
      UNITS_PER_STATEMENT.n = per;
    }
  });

  it("a write that lands while a ranking is being built leaves that build unstored", async () => {
    await setUp();
    await read();
    let batches = 0;
    // A new version of t-snap-a lands right after the build has read the units' rows.
    const racing = new Proxy(env.DB, {
      get(target, key) {
        if (key !== "batch") return Reflect.get(target, key, target);
        return async (statements: D1PreparedStatement[]) => {
          const out = await target.batch(statements);
          if (batches++ === 0) await submitFor(P, "t-snap-a", { short: 6 });
          return out;
        };
      },
    }) as D1Database;
    const built = await buildSnapshot(racing, await periodScope(env.DB, P), new Date(AT));
    expect(await stored()).toBe(false);
    const now = await read();
    const percentOf = (items: { unit: string; percent: number }[]) => items.find((i) => i.unit === "t-snap-a")!.percent;
    expect(percentOf(now.items)).not.toBe(percentOf(built.rows.map((r) => JSON.parse(r.item))));
    expect(now).toEqual(await rebuilt());
  });

  it("readers arriving together while it is stale wait for one build, and are served it", async () => {
    await setUp();
    await read();
    await submitFor(P, "t-snap-d", { short: 5 });
    const [a, b, c] = await Promise.all([0, 1, 2].map(() => rankingSnapshot(env.DB, P, new Date(AT))));
    // One build: the same snapshot object for all three (each build makes its own).
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(await stored()).toBe(true);
    expect(await read()).toEqual(await rebuilt());
  });

  it("a reader that arrives after a write that landed during a build is not served that build", async () => {
    await setUp();
    await read();
    await submitFor(P, "t-snap-d", { short: 2 }); // stale: the next read builds
    let batches = 0;
    let second: Promise<Awaited<ReturnType<typeof rankingSnapshot>>> | null = null;
    // A new version of t-snap-a lands while the first reader's build runs; then a second reader comes, waits for that build…
    const racing = new Proxy(env.DB, {
      get(target, key) {
        if (key !== "batch") return Reflect.get(target, key, target);
        return async (statements: D1PreparedStatement[]) => {
          const out = await target.batch(statements);
          if (batches++ === 0) {
            await submitFor(P, "t-snap-a", { short: 1 });
            second = rankingSnapshot(env.DB, P, new Date(AT));
          }
          return out;
        };
      },
    }) as D1Database;
    const first = await rankingSnapshot(racing, P, new Date(AT));
    const late = await second!;
    // …and gets a build of its own, with the write in it.
    expect(late).not.toBe(first);
    const percentOf = (items: { unit: string; percent: number }[]) => items.find((i) => i.unit === "t-snap-a")!.percent;
    const fresh = await rebuilt();
    expect(percentOf(late.rows.map((r) => JSON.parse(r.item)))).toBe(percentOf(fresh.items));
    expect(percentOf(first.rows.map((r) => JSON.parse(r.item)))).not.toBe(percentOf(fresh.items));
  });

  it("a build that never settles (its request cancelled mid-build) holds the next readers only for a bounded wait", async () => {
    await setUp();
    await read();
    await submitFor(P, "t-snap-d", { short: 4 }); // stale: the next read builds
    // The first reader's D1 stops answering at its build's first batch, as a cancelled request's I/O does.
    const hanging = new Proxy(env.DB, {
      get(target, key) {
        if (key !== "batch") return Reflect.get(target, key, target);
        return () => new Promise<never>(() => {});
      },
    }) as D1Database;
    const wait = BUILD_WAIT.ms;
    BUILD_WAIT.ms = 200;
    try {
      void rankingSnapshot(hanging, P, new Date(AT));
      await new Promise((r) => setTimeout(r, 20));
      const started = Date.now();
      const served = await rankingSnapshot(env.DB, P, new Date(AT));
      expect(Date.now() - started).toBeGreaterThanOrEqual(100);
      expect(served.rows.map((r) => JSON.parse(r.item))).toEqual((await rebuilt()).items);
      // Past the wait, the hanging build is ignored outright.
      await submitFor(P, "t-snap-d", { short: 1 });
      const again = Date.now();
      await rankingSnapshot(env.DB, P, new Date(AT));
      expect(Date.now() - again).toBeLessThan(2_000);
    } finally {
      BUILD_WAIT.ms = wait;
    }
  });
});
