import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { OfficeAddinManifest } from "office-addin-manifest";
import { RIBBON_FUNCTIONS } from "../src/commands.ts";

/** Structural checks of manifest.xml (the online validator is unreachable offline). */
const require = createRequire(import.meta.url);
const { parseStringPromise } = require("xml2js") as { parseStringPromise: (xml: string) => Promise<any> };
const DEV = "https://localhost:3000/";

type X = any;
const all = (node: X, name: string): X[] => {
  const found: X[] = [];
  const walk = (n: X) => {
    if (!n || typeof n !== "object") return;
    for (const [k, v] of Object.entries(n)) {
      if (k === name) found.push(...(v as X[]));
      if (Array.isArray(v)) v.forEach(walk);
      else if (k !== "$") walk(v);
    }
  };
  walk(node);
  return found;
};
const attr = (n: X, a: string) => n?.$?.[a] as string | undefined;

describe("manifest.xml", async () => {
  const text = readFileSync("manifest.xml", "utf8");
  const xml = await parseStringPromise(text);
  const app = xml.OfficeApp;
  const byId = (kind: string) => new Map(all(app, kind).filter((n) => attr(n, "id")).map((n) => [attr(n, "id")!, n]));
  const strings = new Map([...byId("bt:String")]);
  const urls = byId("bt:Url");
  const images = byId("bt:Image");

  it("is a Workbook task pane add-in, vi-VN first, with an honest requirement set", async () => {
    const info = await OfficeAddinManifest.readManifestFile("manifest.xml");
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.displayName).toBe("Chỉ số CCHC");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.defaultLocale).toBe("vi-VN");
    expect(attr(app, "xsi:type")).toBe("TaskPaneApp");
    expect(all(app.Requirements, "Set").map((s) => `${attr(s, "Name")} ${attr(s, "MinVersion")}`)).toEqual(["ExcelApi 1.4"]);
    expect(attr(all(app.DisplayName, "Override")[0], "Locale")).toBe("en-US");
  });

  it("serves every URL from the dev server, and each one exists", () => {
    const values = [...text.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]!);
    expect(values.length).toBeGreaterThan(8);
    for (const url of values) {
      expect(url.startsWith(DEV), url).toBe(true);
      const path = new URL(url).pathname;
      // "/" is the web checker (index.html): where people whose Excel cannot run the add-in are sent.
      const file = path === "/" ? "addin/index.html" : path.startsWith("/assets/") || path === "/help.html" ? `addin/public${path}` : `addin${path}`;
      expect(existsSync(file), `${url} → ${file}`).toBe(true);
    }
  });

  it("defines a CCHC tab that opens the pane and whose four other buttons run functions of the add-in, with localized labels and icons", () => {
    const tab = all(app, "CustomTab")[0];
    expect(strings.get(attr(tab.Label[0], "resid")!)?.$.DefaultValue).toBe("CCHC");
    const buttons = all(tab, "Control").map((c) => {
      const label = strings.get(attr(c.Label[0], "resid")!);
      const action = c.Action[0];
      return {
        id: attr(c, "id"),
        vi: attr(label, "DefaultValue"),
        en: attr(label?.["bt:Override"]?.[0], "Value"),
        action: attr(action, "xsi:type"),
        target: action.FunctionName?.[0] ?? attr(action.SourceLocation?.[0], "resid"),
        icons: all(c.Icon, "bt:Image").map((i) => attr(i, "size")),
      };
    });
    const icons = ["16", "32", "80"];
    expect(buttons).toEqual([
      { id: "Cchc.OpenPane", vi: "Mở ngăn CCHC", en: "Open PAR pane", action: "ShowTaskpane", target: "Taskpane.Url", icons },
      { id: "Cchc.Check", vi: "Kiểm tra & chấm điểm", en: "Check & score", action: "ExecuteFunction", target: "checkWorkbook", icons },
      { id: "Cchc.Submit", vi: "Nộp báo cáo", en: "Submit", action: "ExecuteFunction", target: "submitReport", icons },
      { id: "Cchc.Consolidate", vi: "Tổng hợp", en: "Consolidate", action: "ExecuteFunction", target: "pullConsolidated", icons },
      { id: "Cchc.Settings", vi: "Cài đặt", en: "Settings", action: "ExecuteFunction", target: "openSettings", icons },
    ]);
    // Every FunctionName is a function the add-in associates, and nothing else is associated.
    expect(buttons.filter((b) => b.action === "ExecuteFunction").map((b) => b.target).sort()).toEqual(Object.keys(RIBBON_FUNCTIONS).sort());
    // Ids are unique in the manifest (Microsoft's Control element reference).
    const ids = all(app, "Control").map((c) => attr(c, "id"));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("runs the ribbon in one long-lived runtime with the pane, and only where SharedRuntime 1.1 exists", () => {
    const overrides = app.VersionOverrides[0];
    expect(all(overrides.Requirements, "bt:Set").map((s) => `${attr(s, "Name")} ${attr(s, "MinVersion")}`)).toEqual(["SharedRuntime 1.1"]);
    const runtimes = all(app, "Runtime");
    expect(runtimes.map((r) => attr(r, "lifetime"))).toEqual(["long"]);
    // The shared runtime loads only if its resid is the function file's and the pane's page (Microsoft's shared-runtime guide).
    const resid = attr(runtimes[0], "resid")!;
    expect(attr(all(app, "FunctionFile")[0], "resid")).toBe(resid);
    expect(urls.get(resid)?.$.DefaultValue).toBe(attr(app.DefaultSettings[0].SourceLocation[0], "DefaultValue"));
    expect(urls.get(resid)?.$.DefaultValue).toBe(`${DEV}taskpane.html`);
    // The one pane the ribbon shows is the runtime's own page (same resid): showAsTaskpane shows the pane of the
    // ShowTaskpane action (show-hide-add-in.md), and any other page would load a second runtime and lose the report.
    const panes = all(app, "SourceLocation").filter((l) => attr(l, "resid"));
    expect(panes.map((l) => attr(l, "resid"))).toEqual([resid]);
  });

  it("resolves every resid, and each icon is a PNG of its declared size", () => {
    for (const m of text.matchAll(/resid="([^"]+)"/g)) expect(strings.has(m[1]!) || urls.has(m[1]!) || images.has(m[1]!), m[1]).toBe(true);
    for (const [id, image] of images) {
      const size = Number(id.split(".")[1]);
      const png = readFileSync(`addin/public${new URL(attr(image, "DefaultValue")!).pathname}`);
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});
