import { fileURLToPath } from "node:url";
import { build, type Plugin } from "vite";
import { officeJsLocal } from "./office-js.ts";

const configFile = fileURLToPath(new URL("../addin/vite.config.ts", import.meta.url));

/**
 * The production build of the add-in (what `npm run addin:build` makes in dist/addin) into
 * `outDir`, for tests that read or serve it. `harness`: the tests' variant — the harness page
 * (a workbook and a criteria file opened in the page) built beside the pane and the web
 * checker, and office.js loaded from the npm copy the preview server serves at /office-js/
 * (dev/addin-server.ts), since tests have no internet. Nothing else differs.
 */
export async function buildAddin(outDir: string, options: { harness?: boolean } = {}): Promise<void> {
  const harness = options.harness === true;
  const localOfficeJs: Plugin = { name: "parindex-office-js-local-in-tests", apply: "build", transformIndexHtml: officeJsLocal };
  await build({
    configFile,
    logLevel: "silent",
    build: { outDir, emptyOutDir: true, ...(harness ? { rollupOptions: { input: { harness: fileURLToPath(new URL("../addin/harness.html", import.meta.url)) } } } : {}) },
    ...(harness ? { plugins: [localOfficeJs] } : {}),
  });
}
