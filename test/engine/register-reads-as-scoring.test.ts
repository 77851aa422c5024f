import { describe, expect, it } from "vitest";
import { evidenceRegister } from "../../shared/index.ts";
import { EV, row, setOf, table, COLUMNS, type Cell } from "./v2-helpers.ts";

/**
 * The register lists what scoring reads (black-box audit A6-1): an evidence cell Excel holds as a
 * date is the date it shows, and the evidence on a result line under a criterion's title is that
 * criterion's, as scoring reads them.
 */
const set = setOf([
  { code: "1.1", title: "Ban hành kế hoạch", max: 1 },
  { code: "1.2", title: "Tỷ lệ hoàn thành nhiệm vụ trong kế hoạch", max: 3, rule: { kind: "ratio", bands: [{ min: 100, points: 3 }, { min: 80, points: 1.5 }, { min: 0, points: 0 }] } },
]);
const register = (rows: Cell[][]) => evidenceRegister(table(COLUMNS, rows), set);

describe("the register", () => {
  it("reads a date cell as the date it shows, out of the period flagged", () => {
    // 44813 is 09/09/2022, formatted dd/mm/yyyy
    const documents = register([row("1", { max: 4 }), row("1.1", { max: 1, self: 1, evidence: { v: 44813, z: "dd/mm/yyyy" } }), row("1.2", { max: 3, self: 3, data: "28/28", evidence: EV })]).documents;
    expect(documents.map((d) => [d.key, d.dates, d.flags])).toContainEqual(["text:09/09/2022", ["2022-09-09"], ["OUT_OF_PERIOD", "NO_NUMBER"]]);
    expect(documents.map((d) => d.key)).not.toContain("text:44813");
  });

  it("takes the evidence of a result line under the title as the criterion's", () => {
    const documents = register([row("1", { max: 4 }), row("1.1", { max: 1, self: 1, evidence: EV }), row("1.2", { max: 3 }), [null, "- Kết quả thực hiện:", null, "26/28", 1.5, "Báo cáo số 120/BC-UBND ngày 10/12/2024", null]]).documents;
    expect(documents.find((d) => d.key === "120/bc-ubnd")).toMatchObject({ criteria: ["1.2"], cells: ["Biểu!F5"] });
  });
});
