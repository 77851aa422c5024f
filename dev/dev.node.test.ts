import { rm } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { runAdmin } from "./admin.ts";
import { heldSeededDatabase } from "./held-seeded-d1.ts";
import { builtAddin } from "./built-addin.ts";
import { localWorkerOptions, prepareDatabase } from "./start.ts";
import { querySql, startWorkerOnFreePort, type StartedWorker } from "./wrangler.ts";

/** What `npm start` does, on a fresh local D1 in a temp dir: migrate, seed, serve, answer. */
describe("npm start steps and the admin CLI", () => {
  const d1 = heldSeededDatabase();
  // A copy of a D1 that prepareDatabase made from nothing (the run's template, or made here), held
  // open for the preparation, the reads and the admin commands below…
  beforeAll(async () => {
    // …prepared a second time: idempotent, a second run changes nothing.
    await prepareDatabase(d1.target);
  }, 200_000); // the template may still be in the making, then a second preparation here

  it("seeds the demo province once", async () => {
    // 19 units; the demo cycle (every appraisal status) and the past years once, though prepareDatabase ran twice
    const counts = await querySql<{ units: number; subs: number; events: number; markers: number; historyMarkers: number }>(
      "SELECT (SELECT COUNT(*) FROM units) AS units, (SELECT COUNT(*) FROM submissions WHERE period_id = '2024-commune-demo') AS subs, (SELECT COUNT(*) FROM review_events WHERE period_id = '2024-commune-demo') AS events, (SELECT COUNT(*) FROM audit_log WHERE action = 'seed.demo_cycle') AS markers, (SELECT COUNT(*) FROM audit_log WHERE action = 'seed.demo_history') AS historyMarkers",
      d1.target,
    );
    expect(counts[0]).toEqual({ units: 19, subs: 9, events: 14, markers: 1, historyMarkers: 1 });
    // two past years (history and trend views): every commune submitted and was finalised, once
    const history = await querySql<{ period_id: string; subs: number; finals: number }>(
      "SELECT s.period_id, COUNT(*) AS subs, (SELECT COUNT(*) FROM review_events e WHERE e.period_id = s.period_id AND e.status = 'final') AS finals FROM submissions s WHERE s.period_id IN ('2022-commune', '2023-commune') GROUP BY s.period_id ORDER BY s.period_id",
      d1.target,
    );
    expect(history).toEqual([{ period_id: "2022-commune", subs: 10, finals: 10 }, { period_id: "2023-commune", subs: 10, finals: 10 }]);
  });

  it("creates a unit and a token whose secret is printed once and stored only as a hash", async () => {
    expect(await runAdmin(["create-unit", "--persist-to", d1.persistTo, "--id", "xa-cli", "--name", "Xã CLI", "--type", "commune", "--parent", "tinh-minh-hoa", "--valid-from", "2025-07-01"])).toContain("xa-cli");
    const printed = await runAdmin(["create-token", "--persist-to", d1.persistTo, "--role", "unit", "--unit", "xa-cli"]);
    const secret = printed.split("\n")[0]!;
    expect(secret).toMatch(/^pi_[\w-]{40,}$/);
    expect(printed).toMatch(/valid through \d{2}\/\d{2}\/\d{4}/);
    const tokens = await querySql<{ token_hash: string; unit_id: string; expires_at: string }>("SELECT token_hash, unit_id, expires_at FROM tokens WHERE unit_id = 'xa-cli'", d1.target);
    expect(tokens).toHaveLength(1);
    const days = (Date.parse(tokens[0]!.expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(399);
    expect(days).toBeLessThan(402);
    expect(JSON.stringify(tokens)).not.toContain(secret);
    const audit = await querySql<{ action: string }>("SELECT action FROM audit_log WHERE detail LIKE '%admin-cli%' ORDER BY id", d1.target);
    expect(audit.map((a) => a.action)).toEqual(["unit.create", "token.create"]);
    await expect(runAdmin(["create-token", "--persist-to", d1.persistTo, "--role", "unit"])).rejects.toThrow(/--unit is required/);
  });

  it("serves /health, the seeded criteria sets to a demo token, and the web checker at / under wrangler dev", async () => {
    // the run's one production build: what buildWebChecker makes for npm start
    const { dir: assets, owned } = await builtAddin();
    await d1.release(); // wrangler dev's workerd is the database's only one from here, as under npm start
    let worker: StartedWorker["worker"] | undefined;
    try {
      const started = await startWorkerOnFreePort({ persistTo: d1.persistTo, ...localWorkerOptions(assets) }, 40_000);
      worker = started.worker;
      const base = started.base;
      const sets = await fetch(`${base}/v1/criteria-sets`, { headers: { Authorization: "Bearer demo-unit" } });
      expect(sets.status).toBe(200);
      const body = (await sets.json()) as { items: { id: string }[] };
      expect(body.items.map((s) => s.id)).toContain("demo-commune-2024");
      expect((await fetch(`${base}/v1/criteria-sets`)).status).toBe(401);
      // npm start's Worker answers / as a deployed one does: the web checker's page, its script beside it
      const page = await fetch(`${base}/`);
      const html = await page.text();
      expect([page.status, page.headers.get("content-type")]).toEqual([200, "text/html; charset=utf-8"]);
      const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
      expect(script).toMatch(/^\/assets\/checker-/);
      expect((await fetch(`${base}${script!}`)).status).toBe(200);
      // an unknown path still reaches the Worker's envelope, not an empty 404
      expect(((await (await fetch(`${base}/nope`)).json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
      // A POST with a body to "/" is the Worker's 405 envelope, and the Worker lives on (A3-1: the
      // asset server in front of it had answered 500 with a stack and taken wrangler dev down).
      const posted = await fetch(`${base}/`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "a".repeat(1_100_000) });
      expect([posted.status, ((await posted.json()) as { error: { code: string } }).error.code]).toEqual([405, "METHOD_NOT_ALLOWED"]);
      expect((await fetch(`${base}/health`)).status).toBe(200);
    } finally {
      worker?.kill("SIGINT");
      if (owned) await rm(assets, { recursive: true, force: true });
    }
  });
});
