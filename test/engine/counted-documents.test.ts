import { describe, expect, it } from "vitest";
import { done, flat, notDone, readsDone, total } from "./data-columns-helpers.ts";
import { findHeader } from "../../shared/index.ts";

/**
 * A digitisation criterion's columns count documents: "Tổng số hồ sơ, tài liệu" | "Số hồ sơ, tài
 * liệu đã số hóa". Their "tài liệu" had made the total the evidence column — the table's own
 * "Tài liệu kiểm chứng" then unread, every ratio DATA_MISSING (a commune 8,5 → 6). A count is
 * a total and its part; a document's own number ("Số hiệu tài liệu") is still the evidence.
 */
describe("columns counting documents", () => {
  it.each([
    ["Tổng số hồ sơ, tài liệu", "Số hồ sơ, tài liệu đã số hóa", done],
    ["Tổng số tài liệu", "Số tài liệu đã số hóa", done],
    ["Tổng số hồ sơ, tài liệu", "Số hồ sơ, tài liệu chưa số hóa", notDone],
    ["Tổng số tài liệu", "Số tài liệu chưa số hóa", notDone],
  ] as const)("%s | %s: the total and its part, the evidence column the table's own", (whole, part, cells) => {
    const grid = flat([whole, part], [total, cells]);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.evidence).toBe(5);
    readsDone(grid, 4);
  });
});
