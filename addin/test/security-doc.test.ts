import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * SECURITY.md's "Secrets never in workbooks" against the code it describes: every key the
 * add-in writes into document settings (they travel with the workbook) is named there, and
 * the store it names for the token is the one addin/src/storage.ts uses.
 */
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
const code = sources("addin/src").map((f) => readFileSync(f, "utf8"));
const security = readFileSync("SECURITY.md", "utf8");

describe("SECURITY.md", () => {
  it("names every document setting the add-in writes", () => {
    const constants = new Map(code.flatMap((text) => [...text.matchAll(/export const (\w+) = "([^"]+)"/g)].map((m) => [m[1]!, m[2]!] as const)));
    const written = [...new Set(code.flatMap((text) => [...text.matchAll(/\.setDocumentSetting\((\w+)/g)].map((m) => m[1]!)))];
    const keys = written.filter((name) => name !== "key").map((name) => constants.get(name) ?? name);
    expect(keys.sort()).toEqual(["parindex.confirmedHeaders", "parindex.ownSheets"]);
    for (const key of keys) expect(security).toContain(`\`${key}\``);
  });

  it("says the token is kept where the store keeps it (partitioned localStorage), not in OfficeRuntime.storage", () => {
    expect(readFileSync("addin/src/storage.ts", "utf8")).not.toMatch(/OfficeRuntime\.storage/);
    expect(security).not.toMatch(/OfficeRuntime\.storage/);
    expect(security).toMatch(/localStorage[\s\S]{0,120}partitionKey/);
  });
});
