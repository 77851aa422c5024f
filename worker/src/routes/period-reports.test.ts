import * as XLSX from "@e965/xlsx";
import { workerFetch } from "../../test/observed-statuses.ts";
import { describe, expect, it } from "vitest";
import { csvLine, RankingSchema, safeText } from "../../../shared/index.ts";
import { call, COMMUNE_SET, count } from "../../test/helpers.ts";
import { AT, appraise, createCommune, newPeriod, step, submitFor } from "../../test/cycle-helpers.ts";


const R = "t-ranking-2024";
const TIES = [
  ["t-binh-minh", "Xã Bình Minh"],
  ["t-an-thi", "Xã Ân Thi"],
  ["t-anh-son", "Xã Anh Sơn"],
  ["t-dau-equal", "=HYPERLINK(\"http://x\")"],
] as const;

async function rankingBytes(period: string, format: string, accept?: string): Promise<Response> {
  const headers: Record<string, string> = { Authorization: "Bearer demo-admin", "X-Test-Now": AT };
  if (accept) headers.Accept = accept;
  return workerFetch(`https://parindex.test/v1/periods/${period}/ranking${format ? `?format=${format}` : ""}`, { headers });
}

describe("consolidated ranking", () => {
  it("ranks by index with shared ranks, ties in Vietnamese order, and the add-in reads it", async () => {
    await newPeriod(R);
    for (const [id, name] of TIES.slice(0, 3)) await createCommune(id, name);
    for (const [id] of TIES.slice(0, 3)) await submitFor(R, id, { short: 2 });
    await submitFor(R, "xa-dong-tien"); // full marks: first
    await submitFor(R, "xa-dong-hai", { short: 3 }); // below the tie: fifth (units that sent nothing have no rank to follow with)
    const res = await call("GET", `/v1/periods/${R}/ranking`, { at: AT });
    expect(res.status).toBe(200);
    expect(RankingSchema.safeParse(res.body).success).toBe(true);
    const items = res.body.items as { unit: string; rank: number | null; percent: number; submitted: boolean; fields: Record<string, number | null> }[];
    const tied = items.filter((i) => TIES.some(([id]) => id === i.unit));
    expect(tied.map((i) => i.unit)).toEqual(["t-anh-son", "t-an-thi", "t-binh-minh"]);
    expect(new Set(tied.map((i) => i.rank)).size).toBe(1);
    const first = items[0]!;
    expect([first.unit, first.rank]).toEqual(["xa-dong-tien", 1]);
    expect(tied[0]!.rank).toBe(2);
    // after three tied units the next rank skips to 5
    expect([items[4]!.unit, items[4]!.rank]).toEqual(["xa-dong-hai", 5]);
    expect(items.find((i) => i.unit === "xa-son-thuy")).toMatchObject({ submitted: false, onTime: null });
    // The bands count the ranked units; a unit that sent nothing (xa-son-thuy) has no rank and no band.
    expect(items.find((i) => i.unit === "xa-son-thuy")).toMatchObject({ rank: null, band: null });
    expect(res.body.bandCounts.reduce((a: number, b: { count: number }) => a + b.count, 0)).toBe(items.filter((i) => i.rank !== null).length);
    expect(Object.keys(first.fields)).toEqual(res.body.fields.map((f: { code: string }) => f.code));
  });

  it("ranks the appraised score once appraised (final or not), else the latest version's server score, plus imported survey points", async () => {
    const P = "t-basis-2024";
    await newPeriod(P);
    await submitFor(P, "xa-an-loc");
    await submitFor(P, "xa-binh-hoa");
    await step(P, "xa-an-loc", { action: "start_review" });
    await step(P, "xa-binh-hoa", { action: "start_review" });
    await appraise(P, "xa-an-loc", [{ code: "1.3", score: 0 }]); // 2 points less, then final
    await appraise(P, "xa-binh-hoa", [{ code: "1.3", score: 0 }]); // not final: counts all the same (CYC1-3)
    await step(P, "xa-an-loc", { action: "finalize" });
    const csv = "unit;code;score\r\nxa-an-loc;7.1.1;4,5\r\nxa-an-loc;7.2;4\r\n";
    expect((await call("POST", `/v1/periods/${P}/survey`, { rawBody: csv, headers: { "Content-Type": "text/csv" } })).status).toBe(201);
    const res = await call("GET", `/v1/periods/${P}/ranking`, { at: AT });
    const byUnit = new Map(res.body.items.map((i: { unit: string }) => [i.unit, i]));
    const loc = byUnit.get("xa-an-loc") as any;
    const hoa = byUnit.get("xa-binh-hoa") as any;
    expect(loc).toMatchObject({ basis: "appraised", status: "final", selfScore: 78, appraisedScore: 76, survey: { score: 8.5, max: 24, imported: true }, total: 84.5, percent: 84.5, band: "Tốt" });
    expect(loc.fields["1"]).toBe(83.33);
    expect(hoa).toMatchObject({ basis: "appraised", status: "under_review", selfScore: 78, appraisedScore: 76, total: 76, percent: 76 });
  });

  it("exports CSV (BOM, ';', decimal comma, dd/mm/yyyy) and XLSX that read back to the JSON, formula-safe", async () => {
    for (const [id, name] of TIES) await createCommune(id, name);
    await submitFor(R, "t-dau-equal", { short: 1 });
    const json = await (await rankingBytes(R, "json")).json<any>();
    const csvRes = await rankingBytes(R, "csv");
    expect(csvRes.headers.get("Content-Type")).toMatch(/^text\/csv/);
    const csvBytes = new Uint8Array(await csvRes.arrayBuffer());
    expect([...csvBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = new TextDecoder().decode(csvBytes);
    const lines = csvText.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines.length).toBe(json.items.length + 1);
    const wbCsv = XLSX.read(csvText.replace(/^\uFEFF/, ""), { type: "string", FS: ";", raw: true });
    const rowsCsv = XLSX.utils.sheet_to_json<string[]>(wbCsv.Sheets[wbCsv.SheetNames[0]!]!, { header: 1, raw: false, defval: "" });
    const header = rowsCsv[0]!;
    const col = (name: string) => header.indexOf(name);
    json.items.forEach((item: any, i: number) => {
      const row = rowsCsv[i + 1]!;
      const cells = [row[col("Hạng")], row[col("Mã đơn vị")], row[col("Chỉ số (%)")]];
      // A unit without data has no rank and no index: empty cells, never 0.
      if (item.rank === null) expect(cells).toEqual(["", item.unit, ""]);
      else expect([Number(cells[0]), cells[1], Number(String(cells[2]).replace(",", "."))]).toEqual([item.rank, item.unit, item.percent]);
      if (item.submittedAt) expect(row[col("Ngày nộp")]).toBe("10/12/2024");
    });
    const evil = rowsCsv.find((r) => r[col("Mã đơn vị")] === "t-dau-equal")!;
    expect(evil[col("Đơn vị")]).toBe(`'=HYPERLINK("http://x")`);

    const xlsxRes = await rankingBytes(R, "", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(xlsxRes.headers.get("Content-Type")).toContain("spreadsheetml");
    const wb = XLSX.read(new Uint8Array(await xlsxRes.arrayBuffer()), { type: "array", cellFormula: true, cellNF: true });
    const ws = wb.Sheets["Xếp hạng"]!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null });
    expect(rows[0]).toEqual(header);
    json.items.forEach((item: any, i: number) => {
      const row = rows[i + 1]!;
      expect([row[col("Hạng")], row[col("Mã đơn vị")], row[col("Đơn vị")] === item.unitName || String(row[col("Đơn vị")]).startsWith("'"), row[col("Chỉ số (%)")]]).toEqual([item.rank, item.unit, true, item.rank === null ? null : item.percent]);
    });
    const evilRow = rows.findIndex((r) => r[col("Mã đơn vị")] === "t-dau-equal");
    const cell = ws[XLSX.utils.encode_cell({ r: evilRow, c: col("Đơn vị") })]!;
    expect([cell.t, cell.v, cell.f]).toEqual(["s", `'=HYPERLINK("http://x")`, undefined]);
    const dateCell = ws[XLSX.utils.encode_cell({ r: evilRow, c: col("Ngày nộp") })]!;
    expect([dateCell.t, dateCell.z, XLSX.SSF.format("dd/mm/yyyy", dateCell.v as number)]).toEqual(["n", "dd/mm/yyyy", "10/12/2024"]);
    expect(wb.Sheets["Xếp loại"]).toBeDefined();
  });

  it.each([
    ["=1+2", "'=1+2"],
    ["+84 912", "'+84 912"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTab", "'\tTab"],
    ["Xã Bình thường", "Xã Bình thường"],
  ])("formula injection: %j is exported as %j in CSV and XLSX", async (text, expected) => {
    const { rankingXlsx } = await import("../cycle/ranking-export.ts");
    expect(safeText(text)).toBe(expected);
    expect(csvLine([text, 1.5])).toBe(`${/[;"\r\n]/.test(expected) || expected !== expected.trim() ? `"${expected}"` : expected};1,5\r\n`);
    const bytes = rankingXlsx({ period: "p", year: 2024, unitType: "commune", criteriaSet: { id: "s", version: 1 }, fields: [], previousPeriod: null, bandCounts: [{ band: text, count: 1 }] }, []);
    const cell = XLSX.read(bytes, { type: "array", cellFormula: true }).Sheets["Xếp loại"]!.A2!;
    expect([cell.t, cell.v, cell.f]).toEqual(["s", expected, undefined]);
  });
});

describe("the ranking's format from the Accept header", () => {
  const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  it.each([
    ["text/csv;q=0.1, application/json", "application/json"],
    ["application/json, text/csv", "application/json"],
    ["text/csv, application/json", "text/csv"],
    ["application/json;q=0.5, text/csv", "text/csv"],
    [`${XLSX_TYPE};q=0.2, text/csv;q=0.9, application/json;q=0.5`, "text/csv"],
    [`text/csv;q=0, ${XLSX_TYPE}`, XLSX_TYPE],
    ["text/*;q=0.3, */*;q=0.1", "text/csv"],
    ["text/csv;q=0", "application/json"],
    ["*/*", "application/json"],
    ["text/html", "application/json"],
  ])("Accept: %s → %s", async (accept, type) => {
    await newPeriod(R);
    const res = await rankingBytes(R, "", accept);
    expect([res.status, res.headers.get("Content-Type")?.split(";")[0]]).toEqual([200, type]);
    await res.arrayBuffer();
  });
});

describe("year over year through a merge", () => {
  it("compares a merged commune with its predecessors' weighted mean, or a stated baseline", async () => {
    const Y0 = "t-yoy-2030";
    const Y1 = "t-yoy-2031";
    const BOTH_YEARS = "t-yoy-hai-nam";
    // Years of their own (2030, 2031), so that no demo period is Y1's year before; a period's year
    // is its set's, so the sets are labelled so while spanning 2024 and 2025 as the demo's units need.
    const set2030 = { ...COMMUNE_SET, id: "t-yoy-commune-2030", year: 2030 };
    expect((await call("POST", "/v1/criteria-sets", { body: { set: set2030, status: "published" } })).status).toBe(201);
    expect((await call("POST", "/v1/periods", { body: { id: Y0, year: 2030, criteriaSet: { id: set2030.id, version: 1 }, deadline: "2099-01-01T00:00:00Z" } })).status).toBe(201);
    // Y1's set spans 2025, the year of the merge: only the units open on its last day take part
    // (the merged one from 1/7; not the communes closed 30/6, period-units.ts), so the unit
    // compared with its own last year is one that runs through both years.
    const set2025 = { ...COMMUNE_SET, id: "t-yoy-commune-2031", year: 2031, period: { from: "2025-01-01", to: "2025-12-31" } };
    expect((await call("POST", "/v1/criteria-sets", { body: { set: set2025, status: "published" } })).status).toBe(201);
    expect((await call("POST", "/v1/periods", { body: { id: Y1, year: 2031, criteriaSet: { id: set2025.id, version: 1 }, deadline: "2099-01-01T00:00:00Z" } })).status).toBe(201);
    const phu = await submitFor(Y0, "xa-an-phu");
    const loc = await submitFor(Y0, "xa-an-loc", { short: 3 });
    expect((await call("POST", "/v1/units", { body: { id: BOTH_YEARS, name: "Xã Hai Năm", type: "commune", parentId: "tinh-minh-hoa", validFrom: "2020-01-01" } })).status).toBe(201);
    await submitFor(Y0, BOTH_YEARS, { short: 1 });
    await submitFor(Y1, BOTH_YEARS);
    const merged = await submitFor(Y1, "xa-an-phu-loc", { short: 1 });
    const res = await call("GET", `/v1/periods/${Y1}/ranking`, { at: AT });
    expect(res.body.previousPeriod).toBe(Y0);
    const last = await call("GET", `/v1/periods/${Y0}/ranking`, { at: AT });
    const lastOf = (u: string) => last.body.items.find((i: { unit: string }) => i.unit === u);
    const item = res.body.items.find((i: { unit: string }) => i.unit === "xa-an-phu-loc");
    const mean = Math.round(((phu.report.percent + loc.report.percent) / 2) * 100) / 100; // demo weights are 1 and 1
    expect(item.previous).toMatchObject({ basis: "merge", rank: null, percent: mean });
    expect(item.previous.note).toContain("Xã An Lộc");
    expect(item.change).toBe(Math.round((merged.report.percent - mean) * 100) / 100);
    expect(item.rankChange).toBeNull();
    const hai = res.body.items.find((i: { unit: string }) => i.unit === BOTH_YEARS);
    expect(hai.previous).toMatchObject({ basis: "own", rank: lastOf(BOTH_YEARS).rank, percent: lastOf(BOTH_YEARS).percent });
    expect(hai.rankChange).toBe(lastOf(BOTH_YEARS).rank - hai.rank);

    expect((await call("PUT", "/v1/periods/baselines/xa-an-phu-loc", { body: { year: 2030, percent: 70, note: "UBND tỉnh công bố" } })).status).toBe(200);
    // API-NOTES: numbers with at most two decimals, refused in the envelope like every other score.
    const tooFine = await call("PUT", "/v1/periods/baselines/xa-an-phu-loc", { body: { year: 2030, percent: 77.123456, note: "x" } });
    expect([tooFine.status, tooFine.body.error.code, tooFine.body.error.issues]).toEqual([400, "VALIDATION_FAILED", [{ path: "percent", message: "tối đa hai chữ số thập phân / at most two decimals" }]]);
    expect((await call("PUT", "/v1/periods/baselines/xa-an-phu-loc", { body: { year: 2031, percent: 77.12, note: "x" } })).status).toBe(200);
    const stated = (await call("GET", `/v1/periods/${Y1}/ranking`, { at: AT })).body.items.find((i: { unit: string }) => i.unit === "xa-an-phu-loc");
    expect(stated.previous).toMatchObject({ basis: "baseline", percent: 70, note: "UBND tỉnh công bố" });
    expect(stated.change).toBe(Math.round((merged.report.percent - 70) * 100) / 100);
  });
});

describe("survey import", () => {
  const S = "t-survey-2024";
  const post = (body: string | Uint8Array, type = "text/csv", as: "admin" | "reviewer" = "admin") =>
    workerFetch(`https://parindex.test/v1/periods/${S}/survey`, { method: "POST", headers: { Authorization: `Bearer demo-${as}`, "Content-Type": type }, body });

  it("reports every bad line by number and imports nothing; a clean file imports all", async () => {
    await newPeriod(S);
    const before = await count("survey_scores", "period_id = ?1", S);
    const bad = ["đơn vị,mã,điểm", "xa-an-loc,7.1.1,4.5", "khong-co,7.1.1,3", "xa-an-loc,9.9,3", "xa-an-loc,1.2,1", "xa-an-loc,7.1.2,6", "xa-an-loc,7.1.3,abc", "xa-an-loc,7.1.1,2", "xa-an-loc,7.1.4"].join("\n");
    const res = await post(bad);
    const body = await res.json<any>();
    expect([res.status, body.error.code]).toEqual([422, "SURVEY_INVALID"]);
    expect(body.error.issues.map((i: { path: string }) => i.path)).toEqual(["line 3", "line 4", "line 5", "line 6", "line 7", "line 8", "line 9"]);
    expect(body.error.issues[3].message).toMatch(/vượt điểm tối đa 5/);
    expect(await count("survey_scores", "period_id = ?1", S)).toBe(before);
    expect(await count("audit_log", "action = 'survey.import' AND entity_id = ?1", S)).toBe(0);

    const ok = await post("xa-an-loc,7.1.1,4.5\nxa-binh-hoa,7.1.1,5\nxa-binh-hoa,7.2,3.25\n");
    expect([ok.status, (await ok.json<any>()).rows]).toEqual([201, 3]);
    expect(await count("audit_log", "action = 'survey.import' AND entity_id = ?1", S)).toBe(1);
    expect((await post("xa-an-loc,7.1.1,1", "text/csv", "reviewer")).status).toBe(403);
  });

  it("reads the same rows from an XLSX sheet", async () => {
    await newPeriod(S);
    const ws = XLSX.utils.aoa_to_sheet([["unit", "code", "score"], ["xa-an-loc", "7.1.2", 3.5], ["xa-an-loc", "7.1.3", 9]]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, "Điều tra");
    const bytes = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
    const bad = await post(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect((await bad.json<any>()).error.issues).toEqual([{ path: "line 3", message: expect.stringMatching(/vượt/) }]);
    XLSX.utils.sheet_add_aoa(ws, [["xa-an-loc", "7.1.3", 4]], { origin: "A3" });
    const good = await post(new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(good.status).toBe(201);
  });
});

describe("deadlines and completeness board", () => {
  const D = "t-board-2024";
  it("shows submitted, late and per-unit exceptions, grouped by district, in the reviewer's scope", async () => {
    await newPeriod(D, 2024, "2024-12-31T17:00:00+07:00");
    await submitFor(D, "xa-an-loc");
    await step(D, "xa-an-loc", { action: "start_review" });
    expect((await call("POST", `/v1/periods/${D}/exceptions`, { body: { unit: "xa-binh-hoa", deadline: "2025-01-15T17:00:00+07:00", reason: "Bão lũ" }, at: "2025-01-05T09:00:00+07:00" })).status).toBe(201);
    const board = async (at: string, as: "admin" | "reviewer" = "reviewer") => (await call("GET", `/v1/periods/${D}/board?at=${encodeURIComponent(at)}`, { as })).body;
    const unitOf = (b: any, id: string) => b.groups.flatMap((g: any) => g.units).find((u: any) => u.unit === id);

    const before = await board("2024-12-20T09:00:00+07:00");
    expect(before.groups.map((g: any) => g.parent)).toEqual(["huyen-an-binh"]);
    expect(before.counts).toMatchObject({ late: 0, submitted: 1, under_review: 1 });

    const after = await board("2025-01-05T09:00:00+07:00");
    expect(unitOf(after, "xa-an-loc")).toMatchObject({ status: "under_review", turn: "reviewer", late: false });
    expect(unitOf(after, "thi-tran-an-binh")).toMatchObject({ status: "not_submitted", turn: "unit", late: true });
    expect(unitOf(after, "xa-binh-hoa")).toMatchObject({ late: false, exception: { deadline: "2025-01-15T17:00:00+07:00", reason: "Bão lũ" } });
    expect(unitOf(await board("2025-01-16T09:00:00+07:00"), "xa-binh-hoa").late).toBe(true);

    const all = await board("2025-01-05T09:00:00+07:00", "admin");
    expect(all.groups.length).toBeGreaterThan(1);
    expect((await call("GET", `/v1/periods/${D}/board`, { as: "unit" })).status).toBe(403);
  });
});
