import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The add-in's production build, made once per test run for the tests that read or serve it
 * (the build test, the boot test, the deployment and `npm start` tests): a vitest global
 * setup starts it in the background (builtAddinTemplate) and each test waits for the same
 * folder, which none of them writes to. Outside such a run each call builds its own
 * (~3 s of CPU each; four builds per run before).
 */
export const BUILT_ADDIN_ENV = "PARINDEX_BUILT_ADDIN";
/** The browser tests' variant (the harness page, office.js from the npm copy): buildAddin's `harness`. */
export const HARNESS_BUILD_ENV = "PARINDEX_HARNESS_BUILD";

export type BuildKind = "production" | "harness";
const envOf = (kind: BuildKind) => (kind === "harness" ? HARNESS_BUILD_ENV : BUILT_ADDIN_ENV);

const ready = (root: string) => join(root, "READY");
const failed = (root: string) => join(root, "FAILED");
const output = (root: string) => join(root, "dist");

/** Starts the build and returns at once; `done` settles when it is ready or has failed (written beside it). */
export { envOf as buildEnv };

export async function builtAddinTemplate(kind: BuildKind = "production"): Promise<{ root: string; done: Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), `parindex-built-${kind}-`));
  const done = build(output(root), { harness: kind === "harness" }).then(
    () => writeFile(ready(root), ""),
    (e: unknown) => writeFile(failed(root), e instanceof Error ? e.message : String(e)),
  );
  return { root, done };
}

/** The builder, loaded only to build: the tests that wait for the run's build need not load it. */
async function build(dir: string, options: { harness: boolean }): Promise<void> {
  const { buildAddin } = await import("./addin-build.ts");
  await buildAddin(dir, options);
}

const BUILD_WAIT_MS = 180_000;

/**
 * A folder holding the production build: the run's shared one (read only: never write into
 * it), or one built here into a new temporary folder, which `owned` says the caller removes.
 */
export async function builtAddin(kind: BuildKind = "production"): Promise<{ dir: string; owned: boolean }> {
  const root = process.env[envOf(kind)];
  if (!root) {
    const dir = await mkdtemp(join(tmpdir(), "parindex-build-"));
    await build(dir, { harness: kind === "harness" });
    return { dir, owned: true };
  }
  for (const until = Date.now() + BUILD_WAIT_MS; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
    if (existsSync(ready(root))) return { dir: output(root), owned: false };
    if (existsSync(failed(root))) throw new Error(`building the add-in failed: ${await readFile(failed(root), "utf8")}`);
  }
  throw new Error(`the add-in build in ${root} was not ready within ${BUILD_WAIT_MS / 1000} s`);
}
