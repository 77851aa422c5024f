import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runAdmin } from "./admin.ts";
import { builtAddin } from "./built-addin.ts";
import { holdLocalD1 } from "./local-d1.ts";
import { applyLocalMigrations } from "./local-migrations.ts";
import { workerBundle } from "./worker-bundle.ts";
import { querySql, runWrangler } from "./wrangler.ts";
import { appliedOf, readWranglerSchema, schemaOf, wranglerSchemaKey } from "./wrangler-schema.ts";

describe("wrangler deploy --dry-run", () => {
  const dirs: string[] = [];
  const tempDir = async (name: string) => {
    const dir = await mkdtemp(join(tmpdir(), name));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it("bundles the Worker offline without a Cloudflare login", async () => {
    // The run's bundle (dev/worker-bundle.ts) is this command's output: `wrangler deploy --dry-run --outdir`.
    const bundle = await workerBundle();
    expect(bundle.printed).toMatch(/--dry-run: exiting now/);
    expect(bundle.printed).toContain("env.DB (parindex)");
    expect((await readdir(bundle.root)).some((f) => f.endsWith(".js"))).toBe(true);
    // keep_names = false (wrangler.toml): no __name() call wraps the functions the bundle defines.
    expect(await readFile(bundle.script, "utf8")).not.toContain("__name(");
  });

  it("deploys a province's Worker with the built add-in as its static assets (env production, one origin)", async () => {
    const built = await builtAddin();
    if (built.owned) dirs.push(built.dir);
    const assets = built.dir;
    // --assets only moves the directory (dist/addin in wrangler.toml); run_worker_first and the rest come from [env.production.assets].
    const out = await runWrangler(["deploy", "--dry-run", "--env", "production", "--assets", assets, "--outdir", await tempDir("parindex-deploy-prod-")]);
    expect(out).toMatch(/--dry-run: exiting now/);
    expect(out).toMatch(new RegExp(`Read \\d+ files from the assets directory ${assets.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    expect(out).toContain("env.DB (parindex)");
    expect(out).toContain("env.ARCHIVE (parindex-archive)");
    expect(out).toMatch(/env\.ALLOWED_ORIGINS \(""\)/);
  });

  it("gives a deployment its first unit and admin token through the production environment's database (local here: --remote needs a Cloudflare login)", async () => {
    // npm start and the tests migrate in process (local-migrations.ts): the same schema and table as
    // wrangler's `d1 migrations apply --env production` left, kept for these migrations and this
    // wrangler in dev/wrangler-schema.json (wrangler-schema.ts).
    const made = await readWranglerSchema();
    expect(made?.key, "migrations or wrangler changed since dev/wrangler-schema.json: run `npm run wrangler-schema` (wrangler's own command) and commit the file").toBe(await wranglerSchemaKey());
    const target = { env: "production", persistTo: await tempDir("parindex-deploy-d1-") };
    // One database start for the migrations, the reads and the two commands (each would open its own).
    const hold = holdLocalD1(target);
    try {
      expect(await applyLocalMigrations(target)).not.toEqual([]);
      expect(await schemaOf(target)).toEqual(made!.schema);
      expect(await appliedOf(target)).toEqual(made!.applied);
      await runAdmin(["create-unit", "--env", "production", "--persist-to", target.persistTo, "--id", "tinh-moi", "--name", "Tỉnh Mới", "--type", "province", "--valid-from", "2025-07-01"]);
      const printed = await runAdmin(["create-token", "--env", "production", "--persist-to", target.persistTo, "--role", "admin"]);
      expect(printed.split("\n")[0]).toMatch(/^pi_[\w-]{40,}$/);
      expect(await querySql<{ role: string }>("SELECT role FROM tokens", target)).toEqual([{ role: "admin" }]);
    } finally {
      await hold.release();
    }
  });
});
