/**
 * Issue 17, item 2: the whole ranking as the province reads it goes out gzipped to a client that
 * takes gzip, from a copy kept beside the snapshot — never a stale one (a write, then the gzip
 * read shows it) and never coded twice (it reads as exactly the plain answer).
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { gzipChosen } from "../src/content-encoding.ts";
import { DEMO_CYCLE_PERIOD } from "../src/seed/demo-seed.ts";
import { submitFor } from "./cycle-helpers.ts";
import { createToken, seedDemoCycle, TOKENS } from "./helpers.ts";
import { workerFetch } from "./observed-statuses.ts";

const AT = "2025-01-15T09:00:00+07:00";

const read = (query: string, acceptEncoding: string | null, who: keyof typeof TOKENS = "admin") =>
  workerFetch(`https://parindex.test/v1/periods/${DEMO_CYCLE_PERIOD}/ranking${query}`, {
    headers: { Authorization: `Bearer ${TOKENS[who]}`, "X-Test-Now": AT, ...(acceptEncoding === null ? {} : { "Accept-Encoding": acceptEncoding }) },
  });

/**
 * The answer's coding and its text as a client reads it: inside workerd a response that says
 * Content-Encoding: gzip is decoded on reading, as a browser does. Plain JSON sent under the
 * header would fail to decode, JSON gzipped twice would decode to gzip bytes — either fails the
 * comparison with the plain answer. The bytes on the wire: dev/real-worker.node.test.ts.
 */
async function received(res: Response): Promise<{ coding: string | null; text: string }> {
  return { coding: res.headers.get("Content-Encoding"), text: await res.text() };
}

describe("the ranking gzipped for a client that takes gzip", () => {
  it("sends the same JSON, gzipped once, saying so and varying on Accept-Encoding", async () => {
    await seedDemoCycle();
    const plain = await read("", null);
    expect(plain.status).toBe(200);
    expect(plain.headers.get("Vary")).toMatch(/Accept-Encoding/);
    const identity = await received(plain);
    expect(identity.coding).toBeNull();

    const zipped = await read("", "gzip, deflate, br");
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(zipped.headers.get("Vary")).toMatch(/Accept-Encoding/);
    const gz = await received(zipped);
    expect(gz.coding).toBe("gzip");
    expect(gz.text).toBe(identity.text);
    expect(JSON.parse(gz.text).items.length).toBeGreaterThan(0);
  });

  it("is never a stale copy: a new version, then the gzip read ranks it", async () => {
    await seedDemoCycle();
    const before = JSON.parse((await received(await read("", "gzip"))).text) as { items: { unit: string; percent: number; submitted: boolean }[] };
    // a unit yet to send: its first version (a unit whose review is over takes none)
    const target = before.items.find((i) => !i.submitted)!;
    expect(target).toBeDefined();
    await submitFor(DEMO_CYCLE_PERIOD, target.unit, { short: 3, at: AT });
    const after = await received(await read("", "gzip"));
    expect(after.coding).toBe("gzip");
    const row = (JSON.parse(after.text) as typeof before).items.find((i) => i.unit === target.unit)!;
    expect(row.submitted).toBe(true);
    expect(after.text).toBe((await received(await read("", null))).text);
  });

  it("is plain where the client refuses gzip, for a page, and for a reviewer's part of the ranking", async () => {
    await seedDemoCycle();
    // (workerFetch reaches the Worker itself, not the front line that would code the plain JSON)
    for (const [query, coding, who] of [
      ["", "gzip;q=0, deflate", "admin"],
      ["", "identity", "admin"],
      ["", "br, gzip", "admin"],
      ["?limit=5", "gzip", "admin"],
      ["", "gzip", "reviewer"],
    ] as const) {
      const res = await read(query, coding, who);
      expect(res.status, `${query} ${coding} ${who}`).toBe(200);
      const body = await received(res);
      expect(body.coding, `${query} ${coding} ${who}`).toBeNull();
      expect(JSON.parse(body.text).items.length).toBeGreaterThan(0);
    }
  });
});

describe("the province's reviewer, whose part of the ranking is all of it", () => {
  it("reads the admin's answer, gzipped from the same kept copy", async () => {
    await seedDemoCycle();
    const token = await createToken("reviewer", "tinh-minh-hoa");
    const asReviewer = await workerFetch(`https://parindex.test/v1/periods/${DEMO_CYCLE_PERIOD}/ranking`, { headers: { Authorization: `Bearer ${token}`, "X-Test-Now": AT, "Accept-Encoding": "gzip" } });
    expect(asReviewer.status).toBe(200);
    const reviewer = await received(asReviewer);
    expect(reviewer.coding).toBe("gzip");
    expect(reviewer.text).toBe((await received(await read("", null))).text);
    // A district's reviewer still sees its own rows only, plain.
    const district = await received(await read("", "gzip", "reviewer"));
    expect(district.coding).toBeNull();
    expect(JSON.parse(district.text).items.length).toBeLessThan(JSON.parse(reviewer.text).items.length);
  });
});

describe("a province reviewer beside another root", () => {
  it("sees its own subtree only once a second unit without a parent exists: the rows under the other root are not its", async () => {
    await seedDemoCycle();
    const at = "2024-01-01T00:00:00.000Z";
    await env.DB.batch([
      env.DB.prepare("INSERT INTO units (id, name, type, parent_id, valid_from, valid_to, created_at) VALUES ('tinh-khac', 'Tỉnh Khác', 'province', NULL, '2020-01-01', NULL, ?1)").bind(at),
      env.DB.prepare("INSERT INTO units (id, name, type, parent_id, valid_from, valid_to, created_at) VALUES ('xa-tinh-khac', 'Xã Tỉnh Khác', 'commune', 'tinh-khac', '2020-01-01', NULL, ?1)").bind(at),
    ]);
    const token = await createToken("reviewer", "tinh-minh-hoa");
    const units = async (headers: Record<string, string>) =>
      (JSON.parse((await received(await workerFetch(`https://parindex.test/v1/periods/${DEMO_CYCLE_PERIOD}/ranking`, { headers: { ...headers, "X-Test-Now": AT } }))).text) as { items: { unit: string }[] }).items.map((i) => i.unit);
    const all = await units({ Authorization: `Bearer ${TOKENS.admin}` });
    expect(all).toContain("xa-tinh-khac");
    const mine = await units({ Authorization: `Bearer ${token}`, "Accept-Encoding": "gzip" });
    expect(mine).toEqual(all.filter((u) => u !== "xa-tinh-khac"));
  });
});

describe("gzipChosen", () => {
  it.each([
    [undefined, false],
    ["", false],
    ["gzip", true],
    ["gzip, deflate, br, zstd", true],
    ["deflate, gzip, br, zstd", true],
    ["gzip;q=0.5, br;q=0.4", true],
    ["gzip, *;q=0.1", true],
    // br first, identity first, or none the front line reads: it would not send gzip
    ["br, gzip", false],
    ["br;q=1.0, gzip;q=0.8, *;q=0.1", false],
    ["identity, gzip", false],
    ["gzip;q=0", false],
    ["gzip;q=0, br;q=0", false],
    ["*", false],
    ["deflate", false],
    ["GZIP", false],
    ["x-gzip", false],
  ] as const)("%j → %s", (header, expected) => {
    expect(gzipChosen(header)).toBe(expected);
  });
});
