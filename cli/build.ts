import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { BUILD_MANIFEST, BUILT_CLI, type BuildManifest } from "./stale-build.ts";

/**
 * Bundles the CLI (entry `cli/bin.ts`, the engine, SheetJS and zod) into one ES module with
 * a `#!/usr/bin/env node` line, so that `parindex` starts by reading one file instead of
 * compiling TypeScript (tsx) or resolving hundreds of modules (issue 17). Runs on every
 * `npm install`/`npm ci` (`prepare`) and in about half a second, offline.
 *
 * Beside the bundle, `parindex.inputs.json` lists the repository files it was built from,
 * so the bundle can say when one of them is newer than itself (see stale-build.ts).
 */
const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));

export async function buildCli(root = REPO_ROOT): Promise<{ file: string; bytes: number; ms: number }> {
  const started = performance.now();
  // Sources are read after this instant: one saved during the build counts as newer than it.
  const builtAt = Date.now();
  const file = `${root}${BUILT_CLI}`;
  const result = await build({
    entryPoints: [`${root}cli/bin.ts`],
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Whitespace and syntax only: identifiers stay readable in a stack trace.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "none",
    banner: { js: "#!/usr/bin/env node" },
    metafile: true,
    write: false,
    logLevel: "silent",
  });
  const bundle = result.outputFiles[0]!;
  // Paths relative to the repository (absWorkingDir); dependencies change only with an install, which rebuilds.
  const manifest: BuildManifest = { builtAt, inputs: Object.keys(result.metafile.inputs).filter((p) => !p.includes("node_modules/")) };
  await mkdir(dirname(file), { recursive: true });
  // Written beside and renamed: a `parindex` started during a rebuild reads the old or the new file, never half of one.
  await writeFile(`${file}.tmp`, bundle.contents, { mode: 0o755 });
  await writeFile(`${root}${BUILD_MANIFEST}`, `${JSON.stringify(manifest)}\n`);
  await rename(`${file}.tmp`, file);
  return { file, bytes: bundle.contents.length, ms: performance.now() - started };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const built = await buildCli();
  console.log(`parindex: built ${relative(process.cwd(), built.file)} (${Math.round(built.bytes / 1024)} KB) in ${Math.round(built.ms)} ms`);
}
