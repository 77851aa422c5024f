import { createReadStream, existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));
const officeDist = resolve(here, "../node_modules/@microsoft/office-js/dist");

/** Microsoft supports only this copy of office.js; the built pages load it (review finding 2). */
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * The add-in's built pages must run in the hosts the manifest admits (README, "Which Excel"):
 * WebView2, current WKWebView and browsers. This is Vite's own "baseline widely available"
 * set, written out so that the old-webview probe in taskpane.html tests the same syntax.
 */
export const BUILD_TARGET = ["chrome111", "edge111", "firefox114", "safari16.4"];

/**
 * While developing offline, office.js and its host files come from the npm copy: the dev
 * server rewrites the CDN address in the pages to /office-js/ and serves that folder. A
 * build keeps the CDN address.
 */
function officeJsFromNpm(): Plugin {
  return {
    name: "parindex-office-js-from-npm",
    apply: "serve",
    transformIndexHtml: (html) => html.replaceAll(OFFICE_JS_CDN, "/office-js/office.js"),
    configureServer(server) {
      server.middlewares.use("/office-js", (req, res, next) => {
        const file = resolve(officeDist, `.${decodeURIComponent((req.url ?? "/").split("?")[0]!)}`);
        if (!file.startsWith(officeDist) || !existsSync(file)) return next();
        res.setHeader("Content-Type", file.endsWith(".js") ? "text/javascript" : "application/octet-stream");
        createReadStream(file).pipe(res);
      });
    },
  };
}

/**
 * One config for the dev server and the build. The dev server's https certificate and its
 * proxy to the local Worker are set by dev/addin-server.ts, which starts it. The build holds
 * the pane and the web checker (index.html, "/"): the harness (a workbook and a criteria
 * file opened in the page) is for development and tests, never deployed.
 */
export default defineConfig({
  root: here,
  publicDir: resolve(here, "public"),
  plugins: [officeJsFromNpm()],
  server: { port: 3000, strictPort: true, host: "localhost" },
  build: {
    outDir: resolve(here, "../dist/addin"),
    emptyOutDir: true,
    target: BUILD_TARGET,
    // The pane (also the ribbon's function file) and the web checker served at the Worker's "/".
    rollupOptions: {
      input: { taskpane: resolve(here, "taskpane.html"), checker: resolve(here, "index.html") },
      // The engine (shared/) is pure: its modules only define constants, regexes and zod
      // schemas at load. Said so, a module none of whose exports a chunk uses is left out of
      // it — the criteria importer then loads with the admin tools, not in the pane's first
      // bytes (it had made the initial JS 153 KB gzip, over its 150 KB budget).
      treeshake: { moduleSideEffects: (id) => !/[\\/]shared[\\/][^\\/]+\.ts$/.test(id) },
    },
  },
});
