import { describe, expect, it } from "vitest";
import { EvidenceRegisterSchema } from "../src/api-schemas.ts";
import type { Grid } from "../../shared/index.ts";
import { workerFetch } from "./observed-statuses.ts";
import { BEFORE_DEADLINE, call, TOKENS, uniqueKey } from "./helpers.ts";

// A commune table whose self-score column carries a label detection cannot know.
const grid: Grid = {
  sheets: [
    {
      name: "Bảng điểm",
      merges: [],
      rows: [
        [{ v: "Mục" }, { v: "Nội dung tiêu chí" }, { v: "Điểm tối đa" }, { v: "Điểm chấm" }, { v: "Tài liệu kiểm chứng" }],
        [{ v: "2.1" }, { v: "Ban hành văn bản" }, { v: 3 }, { v: 3 }, { v: "Quyết định số 12/QĐ-UBND ngày 05/01/2024" }],
        [{ v: "2.2" }, { v: "Rà soát văn bản" }, { v: 3 }, { v: 3 }, { v: "Báo cáo số 20/BC-UBND ngày 10/11/2024" }],
      ],
    },
  ],
};
const mapping = [{ sheet: "Bảng điểm", headerTop: 0, headerBottom: 0, columns: { code: 0, title: 1, max: 2, self: 3, evidence: 4 } }];
const submit = (body: object) => call("POST", "/v1/submissions", { as: "unit", body: { period: "2024-commune", grid, ...body }, at: BEFORE_DEADLINE, headers: { "Idempotency-Key": uniqueKey("map") } });

describe("confirmed column mappings travel with the submission", () => {
  it("the server scores with the user's mapping, as the add-in did", async () => {
    const without = await submit({});
    const withMapping = await submit({ confirmedHeaders: mapping });
    expect(without.status).toBe(201);
    expect(withMapping.status).toBe(201);
    const score = (res: typeof without) => Object.fromEntries((res.body.report.items as { code: string; score: number }[]).filter((i) => i.code.startsWith("2.")).map((i) => [i.code, i.score]));
    expect(score(without)).toEqual({ "2.1": 0, "2.2": 0 });
    expect(score(withMapping)).toEqual({ "2.1": 3, "2.2": 3 });
  });

  it("accepts a mapping naming the evidence's date column ('Ngày ban hành'), and the stored version's register reads it too", async () => {
    const [head, ...rest] = grid.sheets[0]!.rows;
    const dates = [{ v: 44931, z: "dd/mm/yyyy" }, { v: "10/11/2024" }]; // 05/01/2023 as an Excel date cell, a year early; then text
    const rows = [[...head!.slice(0, 4), { v: "Số, ký hiệu văn bản" }, { v: "Ngày ban hành" }], ...rest.map((row, i) => [...row.slice(0, 4), { v: String(row[4]!.v).replace(/ ngày .*$/, "") }, dates[i]!])];
    const stored = await submit({ grid: { sheets: [{ ...grid.sheets[0]!, rows }] }, confirmedHeaders: [{ ...mapping[0]!, columns: { ...mapping[0]!.columns, evidenceDate: 5 } }] });
    expect(stored.status).toBe(201);
    const findings = stored.body.report.findings as { code: string; cell?: string }[];
    expect(findings.filter((f) => f.code === "EVIDENCE_DATE_OUT_OF_PERIOD").map((f) => f.cell)).toEqual(["'Bảng điểm'!F2"]);
    const res = await call("GET", `/v1/submissions/${stored.body.id}/register`, { as: "unit" });
    expect(res.status).toBe(200);
    const docs = res.body.documents as { number: string; dates: string[]; flags: string[] }[];
    expect(docs.map((d) => [d.number, d.dates, d.flags])).toEqual([
      ["12", ["2023-01-05"], ["OUT_OF_PERIOD"]],
      ["20", ["2024-11-10"], []],
    ]);
  });

  it("rejects a malformed mapping with a 400 envelope", async () => {
    const res = await submit({ confirmedHeaders: [{ sheet: "Bảng điểm", headerTop: -1, columns: { self: "D" } }] });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.length).toBeGreaterThan(0);
  });

  it("the evidence register of the stored version finds the documents through the mapping kept with it", async () => {
    const stored = await submit({ confirmedHeaders: mapping, grid: { sheets: [{ ...grid.sheets[0]!, rows: [...grid.sheets[0]!.rows, [{ v: "1.3" }, { v: "Tuyên truyền CCHC" }, { v: 2 }, { v: 0 }, { v: "Quyết định số 12/QĐ-UBND ngày 06/01/2024; Kế hoạch số 307/KH-MTTQ-BTT ngày 09/9/2022" }]] }] } });
    expect(stored.status).toBe(201);
    const res = await call("GET", `/v1/submissions/${stored.body.id}/register`, { as: "unit" });
    expect(res.status).toBe(200);
    expect(EvidenceRegisterSchema.safeParse(res.body).success).toBe(true);
    const docs = res.body.documents as { number: string; symbol: string; dates: string[]; criteria: string[]; cells: string[]; flags: string[] }[];
    expect(docs.map((d) => `${d.number}/${d.symbol}`)).toEqual(["12/QĐ-UBND", "20/BC-UBND", "307/KH-MTTQ-BTT"]);
    expect(docs[0]).toMatchObject({ dates: ["2024-01-05", "2024-01-06"], criteria: ["2.1", "1.3"], cells: ["'Bảng điểm'!E2", "'Bảng điểm'!E4"], flags: ["DATE_CONFLICT"] });
    expect(docs[2]!.flags).toEqual(["OUT_OF_PERIOD"]);

    const csv = await workerFetch(`https://parindex.test/v1/submissions/${stored.body.id}/register?format=csv`, { headers: { Authorization: `Bearer ${TOKENS.unit}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads it as UTF-8
    const lines = new TextDecoder().decode(bytes).split("\r\n");
    expect(lines[0]!.startsWith("STT;Loại văn bản;Số/ký hiệu;Ngày ban hành")).toBe(true);
    expect(lines[3]).toMatch(/^3;Kế hoạch;307\/KH-MTTQ-BTT;09\/09\/2022;;1\.3;'Bảng điểm'!E4;.*ngoài kỳ đánh giá/);
    // its district's reviewer sees it too; a format other than json/csv is refused
    expect((await call("GET", `/v1/submissions/${stored.body.id}/register`, { as: "reviewer" })).status).toBe(200);
    expect((await call("GET", `/v1/submissions/${stored.body.id}/register?format=pdf`, { as: "unit" })).status).toBe(400);
  });
});
