import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demoSeedStatements, DEMO_TOKENS, DEMO_UNITS } from "../src/seed/demo-seed.ts";
import { executeSqlFile, REPO_ROOT, type Target } from "./wrangler.ts";

const DEMO_SETS = ["demo-province-2024", "demo-district-2024", "demo-commune-2024"];

/** The demo seed as one SQL file (INSERT OR IGNORE: applying it twice is harmless). */
export async function writeSeedFile(): Promise<string> {
  const sets = await Promise.all(DEMO_SETS.map(async (id) => JSON.parse(await readFile(`${REPO_ROOT}fixtures/criteria/${id}.json`, "utf8")) as { id: string; title: string; year: number; unitType: string }));
  const file = join(await mkdtemp(join(tmpdir(), "parindex-seed-")), "seed.sql");
  await writeFile(file, `${(await demoSeedStatements(sets)).join(";\n")};\n`);
  return file;
}

export async function applySeed(t: Target = {}): Promise<void> {
  await executeSqlFile(await writeSeedFile(), t);
}

export function demoTokenLines(): string[] {
  return DEMO_TOKENS.map((t) => {
    const unit = DEMO_UNITS.find((u) => u.id === t.unit);
    return `  ${t.token.padEnd(14)} ${t.role.padEnd(9)} ${unit ? `${unit.name} (${unit.id})` : "toàn tỉnh / whole province"}`;
  });
}
