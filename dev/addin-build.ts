import { fileURLToPath } from "node:url";
import { build } from "vite";

/** The production build of the add-in (what `npm run addin:build` makes in dist/addin) into `outDir`, for tests that read or serve it. */
export async function buildAddin(outDir: string): Promise<void> {
  await build({ configFile: fileURLToPath(new URL("../addin/vite.config.ts", import.meta.url)), logLevel: "silent", build: { outDir, emptyOutDir: true } });
}
