import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { deploymentOrigin, ManifestOriginError, manifestFor, nameBasedUuid } from "../../dev/manifest.ts";

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
    // Only the addresses, the Id and the version change: the same add-in, the same ribbon.
    const core = (x: string) => x.replace(/<SupportUrl[^>]*>/, "").replace(/<Id>[^<]*<\/Id>/, "").replace(/<Version>[^<]*<\/Version>/, "").replace(/^<\?xml.*\n<!--[\s\S]*?-->\n/, "");
    expect(core(xml.replaceAll(ORIGIN, "https://localhost:3000"))).toBe(core(dev));
  });

  it("a deployment has its own Id, the same each time it is generated for an origin, and the version of package.json", () => {
    const id = (x: string) => /<Id>([^<]*)<\/Id>/.exec(x)![1];
    const xml = manifestFor(ORIGIN);
    expect(id(xml)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id(xml)).not.toBe(id(dev));
    expect(id(manifestFor(ORIGIN))).toBe(id(xml));
    expect(id(manifestFor("https://cchc.other.gov.vn"))).not.toBe(id(xml));
    // RFC 4122 appendix B's example (errata 1352): www.example.com in the DNS namespace
    expect(nameBasedUuid("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    const pkg = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
    expect(xml).toContain(`<Version>${[...pkg.split("-")[0]!.split("."), "0", "0", "0"].slice(0, 4).join(".")}</Version>`);
  });

  it("takes an Id and a version given (an update must raise the version), and refuses malformed ones", () => {
    const xml = manifestFor(ORIGIN, { id: "0F8FAD5B-D9CB-469F-A165-70867728950E", version: "1.2" });
    expect(xml).toContain("<Id>0f8fad5b-d9cb-469f-a165-70867728950e</Id>");
    expect(xml).toContain("<Version>1.2.0.0</Version>");
    expect(xmllint(xml)).toMatchObject({ ok: true });
    expect(() => manifestFor(ORIGIN, { id: "not-a-guid" })).toThrow(ManifestOriginError);
    expect(() => manifestFor(ORIGIN, { version: "1.2.3.4.5" })).toThrow(ManifestOriginError);
    expect(() => manifestFor(ORIGIN, { version: "v1" })).toThrow(ManifestOriginError);
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
