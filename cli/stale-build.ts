import { readFileSync, statSync } from "node:fs";

/** Where `npm install` (prepare → cli/build.ts) puts the bundle and the list of its sources, from the repository root. */
export const BUILT_CLI = "dist/cli/parindex.mjs";
export const BUILD_MANIFEST = "dist/cli/parindex.inputs.json";

export interface BuildManifest {
  /** ms since the epoch when the build started reading its sources. */
  builtAt: number;
  /** Repository files bundled (dependencies left out: they change only with an install, which rebuilds). */
  inputs: string[];
}

/**
 * Sources saved after the bundle was built, e.g. by a developer editing cli/ or shared/.
 * The bundle only says so (one line on stderr) and runs as built: rebuilding silently would
 * need esbuild, a dev dependency a global install may lack, and would change the program
 * under a running command. Costs one stat per source (~100) at start. A copy of the bundle
 * without its manifest or its checkout beside it finds nothing to compare and stays quiet.
 */
export function newerSources(root: string): string[] {
  let manifest: BuildManifest;
  try {
    manifest = JSON.parse(readFileSync(`${root}${BUILD_MANIFEST}`, "utf8")) as BuildManifest;
  } catch {
    return [];
  }
  return manifest.inputs.filter((path) => (statSync(`${root}${path}`, { throwIfNoEntry: false })?.mtimeMs ?? 0) > manifest.builtAt);
}

export function staleBuildWarning(newer: string[]): string {
  const shown = newer.length > 2 ? `${newer.slice(0, 2).join(", ")} và ${newer.length - 2} tệp khác` : newer.join(", ");
  return `parindex: bản dựng cũ hơn mã nguồn (${shown}) — chạy "npm run build:cli" / the build is older than its sources: run "npm run build:cli"`;
}
