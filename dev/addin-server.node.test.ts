import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCertificates } from "office-addin-dev-certs/lib/generate.js";
import { sideloadHelp, startAddinServer, type AddinServer } from "./addin-server.ts";
import { devCertificate } from "./dev-certs.ts";
import { devManifest, manifestFor } from "./manifest.ts";
import { onFreePort, REPO_ROOT } from "./wrangler.ts";

/**
 * The add-in's dev server (issue 14 items 2, 4, 5): a certificate from the dev CA that
 * `npm run addin:certs` makes (generated here offline, never installed: that needs a desktop),
 * a self-signed fallback that says what it means, office.js from the npm copy, and /v1 proxied
 * to the Worker so the pane calls its own https origin.
 */
let certs = "";
let empty = "";
let api: Server;
let apiUrl = "";
beforeAll(async () => {
  certs = await mkdtemp(join(tmpdir(), "parindex-certs-"));
  empty = await mkdtemp(join(tmpdir(), "parindex-no-certs-"));
  await generateCertificates(join(certs, "ca.crt"), join(certs, "localhost.crt"), join(certs, "localhost.key"), 30);
  // A stand-in Worker that tells which path reached it.
  api = createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ reached: req.url, authorization: req.headers.authorization ?? null }));
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  const address = api.address();
  apiUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}, 60_000);
afterAll(async () => {
  api?.close();
  await Promise.all([certs, empty].map((d) => rm(d, { recursive: true, force: true })));
});

function get(server: AddinServer, path: string, ca?: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { ca, rejectUnauthorized: ca !== undefined, headers }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the add-in's dev server", () => {
  it("serves with the dev CA's localhost certificate when there is one, trusted by that CA alone", async () => {
    const found = devCertificate(certs);
    expect(found.ok).toBe(true);
    const server = await onFreePort((port) => startAddinServer({ port, api: apiUrl, certificates: certs }));
    try {
      expect(server.certificate.ok).toBe(true);
      const ca = found.ok ? found.certificate.ca : "";
      const page = await get(server, "/taskpane.html", ca);
      expect(page.status).toBe(200);
      // The dev server swaps the CDN office.js for the npm copy, and serves it.
      // (The page still names Microsoft's CDN host in words: the message shown where office.js is blocked.)
      const sources = [...page.body.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
      expect(sources).toContain("/office-js/office.js");
      expect(sources.filter((src) => src.includes("appsforoffice.microsoft.com"))).toEqual([]);
      const officeJs = await get(server, "/office-js/office.js", ca);
      expect(officeJs.status).toBe(200);
      expect(officeJs.body).toContain("Office");
      // The pane's own origin answers the API: proxied to the Worker, headers and all.
      for (const path of ["/v1/periods?limit=200", "/health", "/openapi.json"]) {
        const r = await get(server, path, ca, { Authorization: "Bearer demo-unit" });
        expect(JSON.parse(r.body)).toEqual({ reached: path, authorization: "Bearer demo-unit" });
      }
      expect(sideloadHelp(server, empty)).not.toMatch(/self-signed/);
    } finally {
      await server.close();
    }
  });

  it("falls back to a self-signed certificate without the dev CA, and says that desktop Excel will not load it", async () => {
    const server = await onFreePort((port) => startAddinServer({ port, api: apiUrl, certificates: empty }));
    try {
      expect(server.certificate).toMatchObject({ ok: false, reason: expect.stringContaining("ca.crt") });
      await expect(get(server, "/taskpane.html", "")).rejects.toThrow(/self[- ]signed|unable to verify/i);
      expect((await get(server, "/taskpane.html")).status).toBe(200);
      const help = sideloadHelp(server, empty);
      expect(help).toContain("Excel trên Windows và Mac sẽ KHÔNG tải add-in");
      expect(help).toContain("npm run addin:certs");
    } finally {
      await server.close();
    }
  });

  it("refuses an expired dev certificate, saying since when", () => {
    const later = new Date(Date.now() + 31 * 86_400_000);
    expect(devCertificate(certs, later)).toMatchObject({ ok: false, reason: expect.stringMatching(/^hết hạn ngày \/ expired on \d{2}\/\d{2}\/\d{4}$/) });
  });
});

describe("the sideload steps on another add-in port (golive GL-10, GL-12)", () => {
  const template = readFileSync(join(REPO_ROOT, "manifest.xml"), "utf8");

  it("name a manifest generated for that port, never manifest.xml (fixed to localhost:3000), and the ribbon's five buttons", async () => {
    const dir = await mkdtemp(join(tmpdir(), "parindex-manifest-"));
    try {
      const help = sideloadHelp({ url: "https://localhost:3002", certificate: devCertificate(certs), close: async () => {} }, dir);
      const file = join(dir, "manifest-localhost-3002.xml");
      expect(help).toContain(`Manifest for https://localhost:3002 (manifest.xml is for https://localhost:3000): ${file}`);
      expect(help).toContain(`Upload My Add-in › ${file}.`);
      expect(help).not.toMatch(/› manifest\.xml|holding manifest\.xml/);
      const xml = readFileSync(file, "utf8");
      expect(xml).not.toContain("localhost:3000");
      expect(xml.split("https://localhost:3002").length).toBe(template.split("https://localhost:3000").length);
      expect(help).toContain("The ribbon then shows the CCHC tab: Mở ngăn CCHC, Kiểm tra & chấm điểm, Nộp báo cáo, Tổng hợp, Cài đặt.");
      // On 3000, manifest.xml itself, and nothing written.
      expect(sideloadHelp({ url: "https://localhost:3000", certificate: devCertificate(certs), close: async () => {} }, dir)).toContain("Upload My Add-in › manifest.xml.");
      expect(readdirSync(dir)).toEqual(["manifest-localhost-3002.xml"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("leaves the deployment's manifest refusing loopback", () => {
    expect(devManifest(3002, template)).toContain("<SourceLocation DefaultValue=\"https://localhost:3002/taskpane.html\"");
    expect(() => manifestFor("https://localhost:3002")).toThrow(/cannot be on this computer/);
  });

  it("describe today's Cài đặt in the Settings button's tip, not a server address or a token", () => {
    const tip = /<bt:String id="Settings.Tip" DefaultValue="([^"]*)">\s*<bt:Override Locale="en-US" Value="([^"]*)"/.exec(template);
    expect(tip?.slice(1)).toEqual(["Đơn vị đang dùng, kỳ đánh giá, kích hoạt bằng mã khác hoặc đăng xuất khỏi máy này.", "The unit signed in, the assessment period, activating with another code or signing out of this computer."]);
  });
});
