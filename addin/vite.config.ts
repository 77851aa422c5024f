import { createReadStream, existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import basicSsl from "@vitejs/plugin-basic-ssl";
import { defineConfig, type Plugin } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));
const officeDist = resolve(here, "../node_modules/@microsoft/office-js/dist");

/** office.js from node_modules, never a CDN: /office-js/* → @microsoft/office-js/dist/*. */
function officeJs(): Plugin {
  return {
    name: "parindex-office-js",
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

export default defineConfig(({ mode }) => ({
  root: here,
  publicDir: resolve(here, "public"),
  plugins: mode === "http" ? [officeJs()] : [basicSsl({ name: "parindex-addin", domains: ["localhost"], certDir: resolve(here, "../.dev-certs") }), officeJs()],
  server: { port: 3000, strictPort: true, host: "localhost" },
  build: {
    outDir: resolve(here, "../dist/addin"),
    emptyOutDir: true,
    rollupOptions: { input: { taskpane: resolve(here, "taskpane.html"), commands: resolve(here, "commands.html"), harness: resolve(here, "harness.html") } },
  },
}));
