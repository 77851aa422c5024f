import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import basicSsl from "@vitejs/plugin-basic-ssl";
import { createServer, preview, type ProxyOptions } from "vite";
import { devCertificate, fallbackNotice, type CertificateLookup } from "./dev-certs.ts";
import { devManifest } from "./manifest.ts";
import { REPO_ROOT } from "./wrangler.ts";

/** The add-in's dev server: https on localhost, the pane's /v1 proxied to the local Worker. */
export interface AddinServer {
  url: string;
  /** Where its certificate comes from: the trusted dev CA, or a self-signed fallback (and why). */
  certificate: CertificateLookup;
  close: () => Promise<void>;
}

/**
 * manifest.xml names https://localhost:3000: on another port its sideload would load whatever
 * answers on 3000 (another server's pane and data), so a manifest for the port is written
 * under `dir` (git-ignored .wrangler/ by default) and named in the banner.
 */
export function manifestForPort(port: number, dir = join(REPO_ROOT, ".wrangler")): string {
  if (port === 3000) return "manifest.xml";
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `manifest-localhost-${port}.xml`);
  writeFileSync(file, devManifest(port));
  return file;
}

/** What the pane calls on its own origin, so it never calls an http server from its https page (mixed content). */
export const API_PATHS = ["/v1", "/health", "/openapi.json"];

/**
 * `api`: the Worker behind /v1; `certificates`: where the trusted dev certificate lives
 * (default ~/.office-addin-dev-certs); `built`: serve that build (dev/built-addin.ts: the
 * browser tests' pages, bundled once per run) with Vite's preview server, same origin, same
 * proxy and office.js, instead of transforming the sources on every page load.
 */
export async function startAddinServer(options: { port?: number; api?: string; certificates?: string; built?: string } = {}): Promise<AddinServer> {
  const port = options.port ?? 3000;
  const api = options.api ?? "http://127.0.0.1:8787";
  const certificate = devCertificate(options.certificates);
  const proxy: Record<string, ProxyOptions> = Object.fromEntries(API_PATHS.map((p) => [p, { target: api }]));
  const served = { port, strictPort: true, proxy, ...(certificate.ok ? { https: { key: certificate.certificate.key, cert: certificate.certificate.cert } } : {}) };
  const common = {
    configFile: fileURLToPath(new URL("../addin/vite.config.ts", import.meta.url)),
    plugins: certificate.ok ? [] : [basicSsl({ name: "parindex-addin", domains: ["localhost"], certDir: `${REPO_ROOT}.dev-certs` })],
    logLevel: "warn" as const,
  };
  const url = `https://localhost:${port}`;
  if (options.built) {
    const server = await preview({ ...common, build: { outDir: options.built }, preview: served });
    return { url, certificate, close: () => server.close() };
  }
  const server = await createServer({ ...common, server: served });
  await server.listen();
  return { url, certificate, close: () => server.close() };
}

/** The sideload steps printed beside the server, naming the manifest for its port (written under `manifestDir` when not 3000). */
export function sideloadHelp(server: AddinServer, manifestDir?: string): string {
  const { url } = server;
  const manifest = manifestForPort(Number(new URL(url).port), manifestDir);
  return [
    ...(server.certificate.ok ? [] : [fallbackNotice(server.certificate.reason)]),
    `Add-in: ${url}/taskpane.html   (harness without Excel: ${url}/harness.html)`,
    `The pane calls the Worker through ${url}/v1; its first run asks only for an activation code (one of the demo codes above).`,
    `Web checker (no Excel needed): ${url}/`,
    ...(manifest === "manifest.xml" ? [] : [`Manifest for ${url} (manifest.xml is for https://localhost:3000): ${manifest}`]),
    `Excel on the web: Home › Add-ins › More add-ins › My add-ins › Upload My Add-in › ${manifest}.`,
    `Excel desktop (Windows): share a folder holding ${manifest}, add it under File › Options › Trust Center › Trusted Add-in Catalogs,`,
    `  restart Excel, then Home › Add-ins › Shared folder. (Mac: copy ${manifest} to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/.)`,
    "The ribbon then shows the CCHC tab: Mở ngăn CCHC, Kiểm tra & chấm điểm, Nộp báo cáo, Tổng hợp, Cài đặt.",
  ].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const server = await startAddinServer({ port: Number(process.env.ADDIN_PORT ?? 3000), ...(process.env.PARINDEX_API ? { api: process.env.PARINDEX_API } : {}) });
  console.log(sideloadHelp(server));
}
