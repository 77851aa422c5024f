import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT, runWrangler, wranglerEnv } from "./wrangler.ts";

/**
 * The Worker as wrangler deploys it, for tests that run it in Miniflare (dev/real-worker.ts):
 * wrangler's own bundle (`wrangler deploy --dry-run --outdir`, the file a deployment uploads)
 * and wrangler's own reading of wrangler.toml's top level as Miniflare options (bindings,
 * compatibility date and flags). A `wrangler dev` per browser test file cost ~6.5 s of CPU to
 * start — its Node process, an esbuild of the Worker and a second workerd for its proxy — of
 * which this leaves ~1 s (issue 17, item 6). A test run builds it once (a vitest global setup,
 * like the seeded D1); outside a run, each call builds its own.
 */
export const WORKER_BUNDLE_ENV = "PARINDEX_WORKER_BUNDLE";

export interface WorkerBundle {
  /** The bundled module (index.js) and its directory. */
  script: string;
  root: string;
  /** wrangler's Miniflare options of the top-level config, as JSON (no functions). */
  options: Record<string, unknown>;
  /** What `wrangler deploy --dry-run` printed making it (dev/deploy.node.test.ts reads it). */
  printed: string;
}

const ready = (root: string) => join(root, "READY");
const failed = (root: string) => join(root, "FAILED");
const bundleDir = (root: string) => join(root, "bundle");
const optionsFile = (root: string) => join(root, "options.json");
const printedFile = (root: string) => join(root, "wrangler-printed.txt");

/** Starts building into a new directory and returns at once; `done` settles when it is ready or has failed. */
export async function workerBundleTemplate(): Promise<{ root: string; done: Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), "parindex-worker-bundle-"));
  const done = build(root).then(
    () => writeFile(ready(root), ""),
    (e: unknown) => writeFile(failed(root), e instanceof Error ? e.message : String(e)),
  );
  return { root, done };
}

/**
 * wrangler's reading of wrangler.toml as Miniflare options, in a Node process of its own (wrangler's
 * module is large and sets process-wide handlers: not loaded into vitest's), written to `out`.
 */
const OPTIONS_SCRIPT = `const { unstable_getMiniflareWorkerOptions } = await import("wrangler");
const { workerOptions } = await unstable_getMiniflareWorkerOptions(process.argv[1]);
(await import("node:fs")).writeFileSync(process.argv[2], JSON.stringify(workerOptions));`;

function writeOptions(out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", OPTIONS_SCRIPT, join(REPO_ROOT, "wrangler.toml"), out], { cwd: REPO_ROOT, env: wranglerEnv(), stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`wrangler's Miniflare options: exit ${code}: ${err.slice(-1000)}`))));
  });
}

async function build(root: string): Promise<void> {
  const [printed] = await Promise.all([runWrangler(["deploy", "--dry-run", "--outdir", bundleDir(root)]), writeOptions(optionsFile(root))]);
  await writeFile(printedFile(root), printed);
}

const BUNDLE_WAIT_MS = 180_000;

async function bundleReady(root: string): Promise<void> {
  for (const until = Date.now() + BUNDLE_WAIT_MS; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
    if (existsSync(ready(root))) return;
    if (existsSync(failed(root))) throw new Error(`building the Worker for Miniflare failed: ${await readFile(failed(root), "utf8")}`);
  }
  throw new Error(`the Worker's bundle in ${root} was not ready within ${BUNDLE_WAIT_MS / 1000} s`);
}

let own: Promise<string> | null = null;

/** The run's bundle (its global setup's), else one built for this process. */
export async function workerBundle(): Promise<WorkerBundle> {
  let root = process.env[WORKER_BUNDLE_ENV];
  if (root) await bundleReady(root);
  else {
    own ??= (async () => {
      const made = await workerBundleTemplate();
      await made.done;
      process.once("exit", () => void rm(made.root, { recursive: true, force: true }));
      return made.root;
    })();
    root = await own;
    await bundleReady(root);
  }
  const [options, printed] = await Promise.all([readFile(optionsFile(root), "utf8"), readFile(printedFile(root), "utf8")]);
  return { script: join(bundleDir(root), "index.js"), root: bundleDir(root), options: JSON.parse(options) as Record<string, unknown>, printed };
}

/** Removes a bundle made by workerBundleTemplate once its build has settled. */
export async function removeWorkerBundle(root: string, done: Promise<void>): Promise<void> {
  await done;
  await rm(root, { recursive: true, force: true });
}
