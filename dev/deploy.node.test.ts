import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runWrangler } from "./wrangler.ts";

describe("wrangler deploy --dry-run", () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it("bundles the Worker offline without a Cloudflare login", async () => {
    const outdir = await mkdtemp(join(tmpdir(), "parindex-deploy-"));
    dirs.push(outdir);
    const out = await runWrangler(["deploy", "--dry-run", "--outdir", outdir]);
    expect(out).toMatch(/--dry-run: exiting now/);
    expect(out).toContain("env.DB (parindex)");
    expect((await readdir(outdir)).some((f) => f.endsWith(".js"))).toBe(true);
  });
});
