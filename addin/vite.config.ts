import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { OFFICE_JS_CDN, officeJsLocal, serveOfficeJs } from "../dev/office-js.ts";

/** Microsoft supports only this copy of office.js; the built pages load it (review finding 2). */
export { OFFICE_JS_CDN };

const here = fileURLToPath(new URL(".", import.meta.url));
/**
 * The add-in's built pages must run in the hosts the manifest admits (README, "Which Excel"):
 * WebView2, current WKWebView and browsers. This is Vite's own "baseline widely available"
 * set, written out so that the old-webview probe in taskpane.html tests the same syntax.
 */
export const BUILD_TARGET = ["chrome111", "edge111", "firefox114", "safari16.4"];

/**
 * While developing offline, office.js and its host files come from the npm copy: the dev
 * server rewrites the CDN address in the pages to /office-js/ and serves that folder. A
 * build keeps the CDN address (but the tests' build, dev/built-addin.ts, which the preview
 * server serves with the same folder).
 */
function officeJsFromNpm(): Plugin {
  return {
    name: "parindex-office-js-from-npm",
    apply: "serve",
    transformIndexHtml: officeJsLocal,
    configureServer: (server) => void server.middlewares.use("/office-js", serveOfficeJs),
    configurePreviewServer: (server) => void server.middlewares.use("/office-js", serveOfficeJs),
  };
}

/**
 * zod's classic API carries its JSON Schema generator in every schema (`schema.toJSONSchema()`,
 * `"~standard".jsonSchema`, the derived `.minLength`/`.maxValue`/`.format` getters): about 35 KB
 * of code, 8 KB gzip, that the pane never runs — the Worker makes the OpenAPI document, not the
 * pane. In the add-in's build those two zod modules are replaced by stubs that export the same
 * names and throw if called, so a use of them shows up at once (the browser tests boot this
 * build) rather than as a wrong answer. Parsing and its error messages are untouched.
 */
const ZOD_JSON_SCHEMA = /[\\/]zod[\\/]v4[\\/]core[\\/](json-schema-processors|to-json-schema)\.js$/;
const STUB_PREFIX = "\0parindex-zod-no-json-schema:";
export function zodWithoutJsonSchema(): Plugin {
  return {
    name: "parindex-zod-without-json-schema",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (!importer || !/[\\/]zod[\\/]/.test(importer) || !/json-schema/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && ZOD_JSON_SCHEMA.test(resolved.id) ? STUB_PREFIX + resolved.id : null;
    },
    load(id) {
      if (!id.startsWith(STUB_PREFIX)) return null;
      const real = readFileSync(id.slice(STUB_PREFIX.length), "utf8");
      const names = new Set<string>();
      for (const m of real.matchAll(/^export (?:async )?(?:function\*?|const|let|class) ([A-Za-z_$][\w$]*)/gm)) names.add(m[1]!);
      for (const m of real.matchAll(/^export \{([^}]*)\}/gm))
        for (const part of m[1]!.split(",")) {
          const name = part.trim().split(/\s+as\s+/).pop();
          if (name) names.add(name);
        }
      const body = [...names].map((n) => `export const ${n} = unavailable;`).join("\n");
      return `function unavailable() { throw new Error("JSON Schema is not part of the add-in build (addin/vite.config.ts)"); }\n${body}\n`;
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
  plugins: [officeJsFromNpm(), zodWithoutJsonSchema()],
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
