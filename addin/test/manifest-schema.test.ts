import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { deploymentOrigin, manifestFor } from "../../dev/manifest.ts";

/**
 * The manifests against Microsoft's published XSDs (addin/manifest-schemas/README.md) with
 * Debian's xmllint, since the online validator is out of reach. Negative controls prove
 * the schema set does reject: each breaks one rule Office enforces.
 */
const SCHEMA = "addin/manifest-schemas/OfficeAppManifestV1_1.xsd";
const dir = mkdtempSync(join(tmpdir(), "parindex-manifest-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function xmllint(xml: string): { ok: boolean; output: string } {
  const file = join(dir, `m-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const r = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, file], { encoding: "utf8" });
  if (r.error) throw new Error(`xmllint is missing (Debian libxml2-utils): ${r.error.message}`);
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

const dev = readFileSync("manifest.xml", "utf8");
const ORIGIN = "https://cchc.example.gov.vn";

describe("the manifests against Microsoft's XSDs", () => {
  it("the dev manifest validates", () => {
    expect(xmllint(dev)).toMatchObject({ ok: true });
  });

  it("a manifest generated for a deployment validates, and every address is on that origin", () => {
    const xml = manifestFor(ORIGIN);
    expect(xmllint(xml)).toMatchObject({ ok: true });
    expect(xml).not.toMatch(/localhost|127\.0\.0\.1|harness/);
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(`${ORIGIN}/`), url).toBe(true);
    // the web checker, where someone whose Excel cannot run the add-in can still check and submit
    expect(xml).toContain(`<SupportUrl DefaultValue="${ORIGIN}/" />`);
    expect(xml).toContain(`<AppDomain>${ORIGIN}</AppDomain>`);
    expect(xml).toContain(`<bt:Url id="Taskpane.Url" DefaultValue="${ORIGIN}/taskpane.html" />`);
    // Only the addresses move: the same add-in, the same ribbon.
    expect(xml.replaceAll(ORIGIN, "https://localhost:3000").replace(/<SupportUrl[^>]*>/, "").replace(/^<\?xml.*\n<!--[\s\S]*?-->\n/, "")).toBe(
      dev.replace(/<SupportUrl[^>]*>/, "").replace(/^<\?xml.*\n<!--[\s\S]*?-->\n/, ""),
    );
  });

  it("names the province's own support page when given one", () => {
    const xml = manifestFor(ORIGIN, { support: "https://sonoivu.example.gov.vn/cchc/ho-tro?a=1&b=2" });
    expect(xml).toContain('<SupportUrl DefaultValue="https://sonoivu.example.gov.vn/cchc/ho-tro?a=1&amp;b=2" />');
    expect(xmllint(xml)).toMatchObject({ ok: true });
  });

  it.each([
    ["http://cchc.example.gov.vn", /https/],
    ["https://localhost:8787", /this computer/],
    ["https://127.0.0.1", /this computer/],
    ["https://cchc.example.gov.vn/addin", /scheme, host and port only/],
    ["cchc.example.gov.vn", /not a URL/],
  ])("refuses the origin %s", (origin, reason) => {
    expect(() => deploymentOrigin(origin)).toThrow(reason);
  });

  it.each([
    ["the tab's label before its group", (x: string) => x.replace(/(<CustomTab id="Cchc.Tab">)([\s\S]*?)(\s*<Label resid="Tab.Label" \/>)/, "$1$3$2")],
    ["the function file after the ribbon", (x: string) => x.replace(/(\s*<FunctionFile resid="Taskpane.Url" \/>)([\s\S]*?<\/ExtensionPoint>)/, "$2$1")],
    ["the runtimes after the form factor", (x: string) => x.replace(/(\s*<Runtimes>[\s\S]*?<\/Runtimes>)([\s\S]*?<\/DesktopFormFactor>)/, "$2$1")],
    ["a runtime lifetime Office does not know", (x: string) => x.replace('lifetime="long"', 'lifetime="forever"')],
    ["a resid longer than 32 characters", (x: string) => x.replace('<Runtime resid="Taskpane.Url"', `<Runtime resid="${"R".repeat(33)}"`)],
    ["a button without its action", (x: string) => x.replace(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>openSettings<\/FunctionName>\s*<\/Action>/, "")],
  ])("rejects a manifest with %s", (_, breakIt) => {
    const broken = breakIt(dev);
    expect(broken).not.toBe(dev);
    const r = xmllint(broken);
    expect(r.ok, r.output).toBe(false);
    expect(r.output).toMatch(/fails to validate/);
  });
});
