import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** The engine stays pure: it imports only zod and itself, and its tsconfig knows no DOM, Node or Worker types. */
describe("engine purity", () => {
  const sources = readdirSync("shared").filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

  it.each(sources)("%s imports only zod and ./", (file) => {
    const text = readFileSync(`shared/${file}`, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    const imports = [...text.matchAll(/(?:import|export)[^'"]*from\s*["']([^"']+)["']/g)].map((m) => m[1]!);
    expect(imports.filter((spec) => spec !== "zod" && !spec.startsWith("./"))).toEqual([]);
    expect(text).not.toMatch(/\b(Excel|Office|document|window|D1Database|process|require)\./);
  });

  it("holds only engine code: its tests live in test/engine/", () => {
    expect(readdirSync("shared").filter((f) => f.endsWith(".test.ts"))).toEqual([]);
  });

  it("its tsconfig has lib ES2022 only and no ambient types", () => {
    const config = JSON.parse(readFileSync("shared/tsconfig.json", "utf8"));
    expect(config.compilerOptions.lib).toEqual(["ES2022"]);
    expect(config.compilerOptions.types).toEqual([]);
  });
});
