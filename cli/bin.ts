import "./regexp-compile.ts";
import { fileURLToPath } from "node:url";
import { main } from "./parindex.ts";
import { BUILT_CLI, newerSources, staleBuildWarning } from "./stale-build.ts";

/**
 * The `parindex` command: the entry bundled into dist/cli/parindex.mjs (cli/build.ts), also
 * runnable from source with `tsx cli/bin.ts`. Only the bundle compares itself with its
 * sources; run from source there is nothing to compare.
 */
const here = import.meta.url;
if (here.endsWith(`/${BUILT_CLI}`)) {
  const newer = newerSources(fileURLToPath(here).slice(0, -BUILT_CLI.length));
  if (newer.length > 0) process.stderr.write(`${staleBuildWarning(newer)}\n`);
}

process.exitCode = await main(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`), process.stderr);
