import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manifestFor } from "../../dev/manifest.ts";
import { builtAddin } from "../../dev/built-addin.ts";
import { RIBBON_FUNCTIONS } from "../src/commands.ts";
import { pathToFileURL } from "node:url";
import { OFFICE_JS_CDN, zodWithoutJsonSchema } from "../vite.config.ts";

/** What a province deploys: the production build (`vite build`), read as Office and the Worker's assets will. */
let out = "";
let owned = false;
beforeAll(async () => ({ dir: out, owned } = await builtAddin()), 180_000); // the run's one build may still be in the making
afterAll(() => owned && rmSync(out, { recursive: true, force: true }));

const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name]));

describe("the production build", () => {
  it("loads office.js from Microsoft's CDN, never from the npm copy", () => {
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    expect([...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1])).toEqual([OFFICE_JS_CDN, expect.stringMatching(/^\/assets\/taskpane-[\w-]+\.js$/)]);
    expect(html).not.toContain("/office-js/");
    expect(files(out).some((f) => f.includes("office-js") || f.startsWith("office"))).toBe(false);
  });

  it("carries the old-webview message and the ribbon's stand-ins in classic scripts, outside the module", () => {
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    expect(html).toMatch(/<div id="old-webview"[^>]*hidden>/);
    const classic = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(classic).toHaveLength(2);
    const [standIns, oldWebview] = classic;
    expect(oldWebview).toMatch(/Trident/);
    // ES5 only: no arrow functions, let/const, classes or template strings outside the probe's string.
    for (const script of classic) expect(script.replace(/"(?:[^"\\]|\\.)*"/g, '""')).not.toMatch(/=>|\blet\b|\bconst\b|\bclass\b|`/);
    // The stand-ins come right after office.js (before it, Office.actions does not exist) and
    // stand for exactly the manifest's functions, which commands.ts then takes over.
    expect(html.indexOf(OFFICE_JS_CDN)).toBeLessThan(html.indexOf(standIns!));
    expect(standIns).toContain("parindexEarlyClicks");
    const names = JSON.parse(/var names = (\[[^\]]*\]);/.exec(standIns!)![1]!) as string[];
    expect(names.sort()).toEqual(Object.keys(RIBBON_FUNCTIONS).sort());
  });

  it("holds the pane, the web checker and the support page, not the harness", () => {
    const built = files(out);
    expect(built).toContain("taskpane.html");
    expect(built).toContain("help.html");
    expect(built.filter((f) => f.endsWith(".html")).sort()).toEqual(["help.html", "index.html", "taskpane.html"]);
    expect(built.filter((f) => /harness/i.test(f))).toEqual([]);
  });

  it("serves every address a generated manifest names", () => {
    const origin = "https://cchc.example.gov.vn";
    const paths = [...manifestFor(origin).matchAll(/(?:DefaultValue|Value)="(https:[^"]+)"/g)].map((m) => new URL(m[1]!).pathname);
    expect(new Set(paths)).toEqual(new Set(["/", "/taskpane.html", "/help.html", "/assets/icon-16.png", "/assets/icon-32.png", "/assets/icon-64.png", "/assets/icon-80.png"]));
    // "/" is the web checker: the Worker answers it with index.html (worker/src/index.ts).
    for (const p of paths) expect(existsSync(join(out, p === "/" ? "index.html" : p)), p).toBe(true);
  });
});

describe("zod without its JSON Schema generator (addin/vite.config.ts)", () => {
  const zodCore = join(process.cwd(), "node_modules", "zod", "v4", "core");

  it("stubs every name the two modules export, each throwing if the pane ever calls it", async () => {
    const plugin = zodWithoutJsonSchema();
    const load = plugin.load as (id: string) => string | null;
    for (const file of ["json-schema-processors.js", "to-json-schema.js"]) {
      const real = Object.keys(await import(pathToFileURL(join(zodCore, file)).href)).sort();
      const stubCode = load(`\0parindex-zod-no-json-schema:${join(zodCore, file)}`)!;
      const stubNames = [...stubCode.matchAll(/^export const (\w+)/gm)].map((m) => m[1]).sort();
      expect(stubNames, file).toEqual(real);
      const stub = (await import(`data:text/javascript,${encodeURIComponent(stubCode)}`)) as Record<string, () => unknown>;
      expect(() => stub[real[0]!]!()).toThrow(/not part of the add-in build/);
    }
  });

  it("leaves the generator out of the built pages while parsing stays in", () => {
    const js = files(out).filter((f) => f.endsWith(".js")).map((f) => readFileSync(join(out, f), "utf8")).join("\n");
    expect(js.includes("not part of the add-in build"), "the stubs are in the build").toBe(true);
    expect(/unrepresentable/.test(js), "zod's JSON Schema generator is in the build").toBe(false);
  });
});

describe("the pane's first bytes (addin/src/engine-loader.ts)", () => {
  /** The files a page's module script loads before it runs: the entry and its static imports, not `import()`. */
  function staticClosure(entry: string): string[] {
    const seen = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(join(out, "assets", file), "utf8");
      for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{},\s]+from\s*)?["']\.\/([\w.-]+\.js)["']/g)) walk(m[1]!);
    };
    walk(entry);
    return [...seen];
  }

  it("draw the first view without the engine's scoring, which loads apart once the view is up", () => {
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    const entry = /src="\/assets\/(taskpane-[\w-]+\.js)"/.exec(html)![1]!;
    const first = staticClosure(entry);
    expect(first.length).toBeGreaterThan(1);
    // The scorer's chunk (addin/src/submit.ts with shared/score-workbook.ts): asked for by import(), never loaded first.
    const scorer = files(join(out, "assets")).filter((f) => /^submit-[\w-]+\.js$/.test(f));
    expect(scorer).toHaveLength(1);
    expect(first).not.toContain(scorer[0]);
    const loads = first.map((f) => readFileSync(join(out, "assets", f), "utf8")).join("\n");
    // (Written so that test/architecture.test.ts does not read it as an import of this file.)
    const asked = ["`", '"'].some((q) => loads.includes(["import(", q, "./", scorer[0], q, ")"].join("")));
    expect(asked, "a first file asks for the scorer by import()").toBe(true);
  });

  it("leave the table locator (shared/locate-table.ts, the engine's largest part) to the engine's load: the Excel reader and the column mapping are told, not built with it", () => {
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    const entry = /src="\/assets\/(taskpane-[\w-]+\.js)"/.exec(html)![1]!;
    const all = files(join(out, "assets")).filter((f) => f.endsWith(".js"));
    // A regular expression of the locator's own (OTHER_CHANNEL), kept as written by the minifier.
    const mark = String.raw`\b(truc tiep|buu chinh)\b`;
    const holders = all.filter((f) => readFileSync(join(out, "assets", f), "utf8").includes(mark));
    expect(holders, "the locator is built into the add-in once").toHaveLength(1);
    expect(staticClosure(entry)).not.toContain(holders[0]);
  });
});
