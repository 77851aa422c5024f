/**
 * A field made only of survey items (field 7 of the commune set: 7.1.1–7.2) has no sub-index
 * for a unit with no survey score — null in the ranking, empty in the CSV, left out of the
 * analysis' field spread — instead of 0 %, which read as the people's verdict before the
 * survey was imported. A surveyed unit keeps its sub-index; the totals do not change.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, seedDemoCycle } from "./helpers.ts";

const AT = "2025-03-01T09:00:00+07:00";
const P = "2024-commune-demo";

interface Entry {
  unit: string;
  submitted: boolean;
  total: number;
  fields: Record<string, number | null>;
  survey: { imported: boolean; score: number };
}

describe("a survey field before the unit's survey scores", () => {
  beforeAll(seedDemoCycle);

  it("is null in the ranking for a submitted unit without survey scores, a number for a surveyed one", async () => {
    const res = await call("GET", `/v1/periods/${P}/ranking`, { as: "admin", at: AT });
    expect(res.status, res.text).toBe(200);
    const items = res.body.items as Entry[];
    const unsurveyed = items.filter((i) => i.submitted && !i.survey.imported);
    const surveyed = items.filter((i) => i.submitted && i.survey.imported);
    expect(unsurveyed.length).toBeGreaterThan(0);
    expect(surveyed.length).toBeGreaterThan(0);
    for (const i of unsurveyed) {
      expect([i.unit, i.fields["7"]]).toEqual([i.unit, null]);
      // its own fields keep their sub-index
      expect([i.unit, typeof i.fields["1"]]).toEqual([i.unit, "number"]);
    }
    for (const i of surveyed) expect([i.unit, typeof i.fields["7"]]).toEqual([i.unit, "number"]);
  });

  it("is an empty cell in the CSV export", async () => {
    const ranking = await call("GET", `/v1/periods/${P}/ranking`, { as: "admin", at: AT });
    const unit = (ranking.body.items as Entry[]).find((i) => i.submitted && !i.survey.imported)!;
    const csv = await call("GET", `/v1/periods/${P}/ranking?format=csv`, { as: "admin", at: AT });
    const lines = csv.text.split(/\r?\n/);
    const header = lines[0]!.replace(/^\uFEFF/, "").split(";");
    const line = lines.find((l) => l.includes(`;${unit.unit};`) || l.startsWith(`${unit.unit};`));
    expect(line, csv.text.slice(0, 400)).toBeDefined();
    const column = header.findIndex((h) => /^7\b|\(7\)|Lĩnh vực 7|^LV7/.test(h));
    expect(column, header.join(" | ")).toBeGreaterThan(-1);
    expect(line!.split(";")[column]).toBe("");
  });
});
