import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tempDir } from "../fixtures/temp-dir.ts";
import { describe, expect, it } from "vitest";
import { main } from "./parindex.ts";
import { BUILD_MANIFEST, BUILT_CLI, newerSources } from "./stale-build.ts";

/**
 * The bundle that `parindex`, `npx parindex` and `npm run -s parindex --` start (built from
 * these sources by the project's global setup) behaves as `main` does in-process, which the
 * golden and CLI tests exercise case by case.
 */
const PROVINCE = "fixtures/criteria/demo-province-2024.json";
const COMMUNE = "fixtures/criteria/demo-commune-2024.json";

function spawnCli(file: string, args: string[], bin = process.execPath, cwd = process.cwd()) {
  const run = spawnSync(bin, [...(bin === process.execPath ? [file] : []), ...args], { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function inProcess(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, (s) => (stdout += `${s}\n`), (s) => (stderr += `${s}\n`));
  return { code, stdout, stderr };
}

describe("the built CLI", () => {
  it.each([
    ["a clean report, as JSON", ["check", "fixtures/workbooks/province-clean.xlsx", "--criteria", PROVINCE, "--json"]],
    ["a readable report with errors", ["check", "fixtures/workbooks/commune-score-errors.xlsx", "--criteria", COMMUNE]],
    ["an unusable input", ["check", "fixtures/workbooks/not-a-workbook.xlsx", "--criteria", COMMUNE, "--json"]],
    ["the evidence register as CSV", ["register", "fixtures/workbooks/province-evidence.xlsx", "--criteria", PROVINCE, "--csv"]],
  ])("prints what main prints, with its exit code: %s", async (_what, args) => {
    const built = spawnCli(BUILT_CLI, args);
    expect(built).toEqual(await inProcess(args));
  });

  it("is what `npm run -s parindex --` runs, without npm's banner", () => {
    const viaNpm = spawnCli("", ["run", "-s", "parindex", "--", "check", "fixtures/workbooks/commune-score-errors.xlsx", "--criteria", COMMUNE, "--json"], "npm");
    expect(viaNpm.code).toBe(1);
    expect(JSON.parse(viaNpm.stdout)).toMatchObject({ criteriaSet: "demo-commune-2024", total: 64 });
  });


  it("check-dir prints no progress when stderr is not a terminal", () => {
    const dir = tempDir("parindex-built-");
    copyFileSync("fixtures/workbooks/commune-structure.xlsx", join(dir, "Xã A.xlsx"));
    const { code, stdout, stderr } = spawnCli(BUILT_CLI, ["check-dir", dir, "--criteria", COMMUNE, "--json"]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).ranking).toHaveLength(1);
    expect(stderr).toBe("");
  });
});

describe("a build older than its sources", () => {
  /** The bundle and its manifest copied into a checkout of one source file, saved `ageMs` after the build. */
  function checkoutWithSource(ageMs: number): string {
    const root = tempDir("parindex-stale-");
    mkdirSync(join(root, "dist/cli"), { recursive: true });
    mkdirSync(join(root, "cli"));
    copyFileSync(BUILT_CLI, join(root, BUILT_CLI));
    const builtAt = Date.parse("2026-11-02T08:00:00Z");
    writeFileSync(join(root, BUILD_MANIFEST), JSON.stringify({ builtAt, inputs: ["cli/parindex.ts", "shared/deleted-since.ts"] }));
    writeFileSync(join(root, "cli/parindex.ts"), "// edited");
    const saved = new Date(builtAt + ageMs);
    utimesSync(join(root, "cli/parindex.ts"), saved, saved);
    return `${root}/`;
  }

  it("lists the sources saved after the build; a file gone since is not one of them", () => {
    expect(newerSources(checkoutWithSource(60_000))).toEqual(["cli/parindex.ts"]);
    expect(newerSources(checkoutWithSource(-60_000))).toEqual([]);
    expect(newerSources(join(tmpdir(), "no-checkout-here/"))).toEqual([]);
  });

  it("says so in one line on stderr and runs as built: stdout and exit code unchanged", async () => {
    const args = ["check", join(process.cwd(), "fixtures/workbooks/province-clean.xlsx"), "--criteria", join(process.cwd(), PROVINCE), "--json"];
    const stale = spawnCli(join(checkoutWithSource(60_000), BUILT_CLI), args);
    expect(stale.stderr).toMatch(/^parindex: bản dựng cũ hơn mã nguồn \(cli\/parindex\.ts\) — chạy "npm run build:cli" \/ the build is older than its sources/);
    expect(stale.stderr.trim().split("\n")).toHaveLength(1);
    expect({ code: stale.code, stdout: stale.stdout }).toEqual({ code: 0, stdout: (await inProcess(args)).stdout });
    expect(spawnCli(join(checkoutWithSource(-60_000), BUILT_CLI), args).stderr).toBe("");
  });
});
