import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Rollup } from "vite";
import { goalLine } from "./goal.ts";

/** Builds the add-in and prints the task pane's initial JS (entry + its static imports), gzip'd, against the 150 KB goal. */
export const GOAL_KB = 150;

export async function measureTaskpaneSize(): Promise<{ files: string[]; gzipKb: number; rawKb: number }> {
  const out = mkdtempSync(join(tmpdir(), "addin-size-"));
  try {
    const root = fileURLToPath(new URL("..", import.meta.url));
    const result = (await build({ configFile: resolve(root, "addin/vite.config.ts"), logLevel: "silent", build: { outDir: out, emptyOutDir: true } })) as Rollup.RollupOutput;
    const chunks = new Map(result.output.filter((o): o is Rollup.OutputChunk => o.type === "chunk").map((c) => [c.fileName, c]));
    const entry = [...chunks.values()].find((c) => c.isEntry && c.facadeModuleId?.endsWith("taskpane.html"));
    if (!entry) throw new Error("no taskpane entry in the build");
    const seen = new Set<string>();
    const walk = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const dep of chunks.get(name)?.imports ?? []) walk(dep);
    };
    walk(entry.fileName);
    const files = [...seen];
    const bytes = files.map((f) => readFileSync(join(out, f)));
    const raw = bytes.reduce((n, b) => n + b.length, 0);
    const gz = bytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
    return { files, gzipKb: Math.round(gz / 10.24) / 100, rawKb: Math.round(raw / 10.24) / 100 };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const size = await measureTaskpaneSize();
  console.log(goalLine("task pane initial JS, gzip", size.gzipKb, { atMost: GOAL_KB }, " KB", `${size.rawKb} KB raw, ${size.files.length} files; office.js served apart`));
}
