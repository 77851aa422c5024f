/**
 * Round 44 (rt-wb44), mending round 43: a failure word after "đã" is read with its diacritics —
 * "sửa chữa" is no "chưa", "rút ngắn" no "rút" (WB44-7).
 */
import { describe, expect, it } from "vitest";
import { findHeader } from "../../shared/index.ts";
import { flat } from "./data-columns-helpers.ts";
import type { Row, Value } from "./merged-header-helpers.ts";

const done = (x: Row): Value => (x.counts ? x.counts[0] : "");
const whole = (x: Row): Value => (x.counts ? x.counts[1] : "");
const dataOf = (plan: string, head: string) => findHeader(flat([plan, head], [whole, done]).sheets[0]!, 2024)?.columns.data;

describe("WB44-7: a failure word after 'đã' is read with its diacritics", () => {
  it.each([
    ["Số sai sót phải khắc phục", "Số sai sót đã sửa chữa"],
    ["Số văn bản phải sửa chữa", "Số văn bản đã sửa chữa"],
    ["Số văn bản phải ban hành", "Số văn bản đã sửa chữa"],
    ["Số TTHC phải rút ngắn thời gian", "Số TTHC đã rút ngắn"],
    ["Số TTHC phải cắt giảm thời gian", "Số TTHC đã rút ngắn"],
    ["Số văn bản phải ban hành", "Số văn bản đã rút gọn"],
    ["Số TTHC phải cắt giảm thời gian", "SỐ TTHC ĐÃ RÚT NGẮN"],
  ])("%s | %s: the result", (plan, head) => expect(dataOf(plan, head)).toBe(4));

  it.each([
    ["Số văn bản phải ban hành", "Số văn bản đã rút"],
    ["Số văn bản phải ban hành", "Số văn bản đã chưa ban hành"],
    ["Số báo cáo phải nộp", "Số báo cáo đã nộp chậm"],
    ["Số báo cáo phải nộp", "SỐ BÁO CÁO ĐÃ GỬI TRỄ"],
    ["Số văn bản phải ban hành", "Số hồ sơ đã trễ hẹn"],
    ["Số văn bản phải ban hành", "Số hồ sơ đã rút hồ sơ"],
  ])("%s | %s: no result", (plan, head) => expect(dataOf(plan, head)).toBeUndefined());
});
