import { describe, expect, it } from "vitest";
import { columnsTable } from "./data-columns-helpers.ts";
import { demoSet } from "./merged-header-helpers.ts";
import { scoreWorkbook } from "../../shared/index.ts";

/**
 * Files settled early and files settled on time, counted apart as one-stop statistics list them
 * (04/12/2026, tenth session): "Trước hạn 500, đúng hạn 480, trễ hạn 20; tổng 1.000" is 980/1.000
 * on an on-time title — early files are on time, as the portal's rate counts them. Both counts had
 * the same role, two figures the words did not sort: the cell said its figure was unclear, 0 points.
 * Early counted within the on-time count ("đúng hạn 980, trong đó trước hạn 500") is a part of it,
 * never added, and early written after the on-time count may be (unclear, as before); a title
 * measuring early files alone keeps them apart. The same for their shares,
 * written apart ("Trước hạn 50%, đúng hạn 48%") or in brackets after each count, which the counts
 * then give.
 */
const BOTH = "Tỷ lệ hồ sơ TTHC được giải quyết trước hạn, đúng hạn";
const ON_TIME = "Tỷ lệ hồ sơ giải quyết đúng hạn";
const EARLY_ONLY = "Tỷ lệ hồ sơ giải quyết trước hạn";

function read(data: string, title: string) {
  const set = demoSet("early-on-time", "Bộ thử hồ sơ trước hạn, đúng hạn (minh họa)", { "1.1.2": title });
  const r = scoreWorkbook(columnsTable(["Số liệu"], (done, all) => [all === 20 ? data : `${done}/${all}`]), set);
  return { percent: r.items.find((i) => i.code === "1.1.2")!.percent, missing: r.findings.some((f) => f.criterion === "1.1.2" && f.code === "DATA_MISSING") };
}

describe("early and on-time files counted apart", () => {
  it.each([
    ["Trước hạn 500, đúng hạn 480, trễ hạn 20; tổng 1.000", BOTH],
    ["Tổng số hồ sơ đã giải quyết: 1.000 (trước hạn: 500; đúng hạn: 480; quá hạn: 20)", BOTH],
    ["Đã giải quyết 1.000 hồ sơ: trước hạn 500, đúng hạn 480, quá hạn 20", ON_TIME],
    ["Trước hạn 500 hồ sơ, đúng hạn 480 hồ sơ, quá hạn 20 hồ sơ", ON_TIME],
    // Early within the on-time count: a part of it, not added.
    ["Đã giải quyết 1.000 hồ sơ, đúng hạn 980 (trước hạn 500), quá hạn 20", ON_TIME],
    ["Đã giải quyết 1.000 hồ sơ, đúng hạn 980, trong đó trước hạn 500; quá hạn 20", ON_TIME],
    // Each count's share in brackets after it restates it: the counts are read (it had scored the early 50 %).
    ["Tổng: 1.000; Trước hạn: 500 (50%); Đúng hạn: 480 (48%); Quá hạn: 20 (2%)", BOTH],
    ["Trước hạn 500 (50%), đúng hạn 480 (48%), quá hạn 20 (2%)", ON_TIME],
    // Shares written apart are one on-time share, as their counts are (it had scored the on-time 48 %).
    ["Trước hạn 50%, đúng hạn 48%", ON_TIME],
    ["Đúng hạn 98% (trong đó trước hạn 50%)", ON_TIME],
    // Early after the on-time share may be a part of it: never added past 100 %.
    ["Đúng hạn 98%, trước hạn 50%", ON_TIME],
  ])("%s on %s: 98 %", (data, title) => {
    expect(read(data, title)).toEqual({ percent: 98, missing: false });
  });

  it.each([
    // Early files alone measured: the two counts stay apart, unclear as before.
    ["Trước hạn 500, đúng hạn 480, trễ hạn 20; tổng 1.000", EARLY_ONLY],
    // On time in all, and nothing to hold it against.
    ["Trước hạn 500, đúng hạn 500", ON_TIME],
    // Early after the on-time count: a part of it, or apart? The words do not say: unclear, as before.
    ["Đúng hạn 980, trước hạn 500, quá hạn 20", ON_TIME],
  ])("%s on %s: no rate, said", (data, title) => {
    expect(read(data, title)).toEqual({ percent: undefined, missing: true });
  });
});
