import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { join } from "node:path";
import { buildAddin } from "./addin-build.ts";
import { sideloadHelp, startAddinServer } from "./addin-server.ts";
import { applySeed, demoCodeLines, demoCycleLines, demoTokenLines } from "./seed.ts";
import { DEMO_CYCLE_PERIOD } from "../worker/src/seed/demo-seed.ts";
import { takenPortsMessage } from "./start-ports.ts";
import { holdLocalD1 } from "./local-d1.ts";
import { applyLocalMigrations } from "./local-migrations.ts";
// startWorker lives in dev/wrangler.ts, which loads neither Vite nor the seed: the tests that
// only start a Worker import it from there (through this file their import took ~2 s more).
import { applyMigrations, REPO_ROOT, startWorker, waitForHealth, type Target } from "./wrangler.ts";

/**
 * `npm start`: local D1 migrated and seeded with the demo province, demo tokens printed,
 * then `wrangler dev` on 127.0.0.1. Each step is exported so other servers (the add-in's
 * https server) can join the same script.
 */
export async function prepareDatabase(t: Target = {}): Promise<void> {
  if (t.remote) {
    await applyMigrations(t);
    await applySeed(t);
    return;
  }
  // One database start for the migrations and the seed (wrangler's migrations started one per
  // statement: local-migrations.ts).
  const hold = holdLocalD1(t);
  try {
    await applyLocalMigrations(t);
    await applySeed(t);
  } finally {
    await hold.release();
  }
}

/**
 * The Worker's own "/" is the web checker, as a deployed one's is: the add-in built (~3 s) for
 * `wrangler dev --assets` (assets first, so "/" is the page and /v1 the API). Returns the folder.
 */
export async function buildWebChecker(dir = join(REPO_ROOT, ".wrangler", "dev-checker")): Promise<string> {
  await buildAddin(dir);
  return dir;
}

/**
 * How npm start runs the Worker: as a province's is deployed (`--env production`: the web checker
 * as static assets, the Worker first for "/", the API's paths, /health and /openapi.json), on the
 * local D1 (the environments share its binding and id), the pane's local origin allowed. With
 * the assets first for every path (`--assets` on the top of wrangler.toml), a POST with a body
 * to "/" met wrangler's asset server: a 500 with a stack, then wrangler dev down (A3-1).
 */
export function localWorkerOptions(assets: string, vars: Record<string, string> = {}): { env: string; assets: string; vars: Record<string, string> } {
  return { env: "production", assets, vars: { ALLOWED_ORIGINS: LOCAL_PANE_ORIGIN, ...vars } };
}

/** The add-in's origin under npm start (wrangler.toml's top-level ALLOWED_ORIGINS). */
const LOCAL_PANE_ORIGIN = "https://localhost:3000";

export function printBanner(baseUrl: string): void {
  console.log(`\nChỉ số CCHC (PAR INDEX) API — ${baseUrl}`);
  console.log("Mã truy cập minh họa / demo tokens (local only):");
  for (const line of demoTokenLines()) console.log(line);
  console.log("Mã kích hoạt minh họa cho lần mở đầu tiên của add-in / demo activation codes for the pane's first run:");
  for (const line of demoCodeLines()) console.log(line);
  console.log("");
  for (const line of demoCycleLines()) console.log(line);
  console.log("Năm trước / past years: 2022-commune, 2023-commune (mọi xã đã có kết quả cuối cùng / all communes final)");
  console.log(`\nKiểm tra bảng tính trên trình duyệt / web checker: ${baseUrl}/`);
  console.log(`\n  curl ${baseUrl}/health`);
  console.log(`  curl -H "Authorization: Bearer demo-unit" ${baseUrl}/v1/criteria-sets`);
  console.log(`  curl -H "Authorization: Bearer demo-reviewer" ${baseUrl}/v1/periods/${DEMO_CYCLE_PERIOD}/board`);
  console.log(`  curl -H "Authorization: Bearer demo-admin" "${baseUrl}/v1/periods/${DEMO_CYCLE_PERIOD}/ranking?format=csv"`);
  console.log(`  curl -H "Authorization: Bearer demo-reviewer" ${baseUrl}/v1/periods/${DEMO_CYCLE_PERIOD}/trend`);
  console.log(`  curl -H "Authorization: Bearer demo-unit" ${baseUrl}/v1/units/xa-an-phu/history\n`);
}

/**
 * `[ADDIN_PORT=N] npm start [-- --port N --persist-to DIR --var NAME:value --no-addin]`: the
 * Worker and, beside it, the add-in over https on localhost:3000 or ADDIN_PORT (its /v1
 * proxied to the Worker, so the pane calls its own origin as a deployed one does) with
 * sideload steps printed — naming a manifest generated for that port when it is not 3000.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: "string" }, "persist-to": { type: "string" }, var: { type: "string", multiple: true }, "no-addin": { type: "boolean" } },
  });
  const port = Number(values.port ?? process.env.PORT ?? 8787);
  const addinPort = values["no-addin"] ? null : Number(process.env.ADDIN_PORT ?? 3000);
  const persistTo = values["persist-to"];
  const vars = Object.fromEntries((values.var ?? []).map((v) => [v.slice(0, v.indexOf(":")), v.slice(v.indexOf(":") + 1)]));
  const baseUrl = `http://127.0.0.1:${port}`;
  // Both ports before the database is touched: a second npm start re-seeded the live one, then crashed (CF3-2)
  const rest = [...(persistTo ? ["--persist-to", persistTo] : []), ...(values.var ?? []).flatMap((v) => ["--var", v]), ...(values["no-addin"] ? ["--no-addin"] : [])];
  const taken = await takenPortsMessage({ worker: port, addin: addinPort }, rest);
  if (taken) throw new Error(taken);
  console.log("Áp dụng migrations và dữ liệu mẫu vào D1 cục bộ / applying migrations and demo seed to the local D1 …");
  // The web checker builds while wrangler migrates and seeds (both only wait on their own work).
  const [assets] = await Promise.all([buildWebChecker(), prepareDatabase({ persistTo })]);
  // The add-in (in this process) first: when it cannot listen there is no Worker yet to leave behind
  const addin = addinPort === null ? null : await startAddinServer({ port: addinPort, api: baseUrl });
  const worker = startWorker({ port, persistTo, ...localWorkerOptions(assets, vars) });
  const exited = new Promise<number>((resolve) => worker.on("exit", (code) => resolve(code ?? 1)));
  // Every child goes with npm start, whichever part ends first (Ctrl+C, SIGTERM, a Worker that dies)
  const stop = async (code: number): Promise<never> => {
    if (worker.exitCode === null && worker.signalCode === null) worker.kill("SIGINT");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (worker.exitCode === null && worker.signalCode === null) worker.kill("SIGKILL");
    await addin?.close();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(130));
  process.on("SIGTERM", () => void stop(143));
  void exited.then((code) => stop(code));
  // "Ready" only once the Worker answers: never a banner above a failure
  const up = await Promise.race([waitForHealth(baseUrl, 120_000).then(() => true, () => false), exited.then(() => false)]);
  if (!up) {
    console.error(`Worker không khởi động được trên ${baseUrl} / the Worker did not start on ${baseUrl}`);
    return stop(1);
  }
  printBanner(baseUrl);
  if (addin) console.log(`\nAdd-in Excel — ${addin.url}, /v1 chuyển tới / proxied to ${baseUrl}\n${sideloadHelp(addin)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
