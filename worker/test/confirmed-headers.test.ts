import { describe, expect, it } from "vitest";
import type { Grid } from "../../shared/index.ts";
import { BEFORE_DEADLINE, call, uniqueKey } from "./helpers.ts";

// A commune table whose self-score column carries a label detection cannot know.
const grid: Grid = {
  sheets: [
    {
      name: "Bảng điểm",
      merges: [],
      rows: [
        [{ v: "Mục" }, { v: "Nội dung tiêu chí" }, { v: "Điểm tối đa" }, { v: "Đơn vị chấm" }, { v: "Tài liệu kiểm chứng" }],
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

  it("rejects a malformed mapping with a 400 envelope", async () => {
    const res = await submit({ confirmedHeaders: [{ sheet: "Bảng điểm", headerTop: -1, columns: { self: "D" } }] });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.length).toBeGreaterThan(0);
  });
});
