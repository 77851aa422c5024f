import { describe, expect, it } from "vitest";
import { importMethods } from "./import-round6-helpers.ts";

/**
 * IMP6-16: "… không ban hành thì không có điểm" closing a sentence of options is the option 0,
 * as "Không ban hành: không có điểm" is; without it an honest 0 was SCORE_STEP, the unit told
 * to pick 1 or 0,5.
 */
describe("'… thì không có điểm' is the option 0 (IMP6-16)", () => {
  it.each([
    ["Được 1 điểm nếu ban hành kịp thời; 0,5 điểm nếu ban hành chậm; không ban hành thì không có điểm"],
    ["Ban hành kịp thời: 1 điểm; ban hành chậm: 0,5 điểm; nếu không ban hành thì không được điểm."],
    ["Ban hành kịp thời: 1 điểm; ban hành chậm: 0,5 điểm; trường hợp không ban hành thì không chấm điểm"],
  ])("%j", (method) => {
    const { leaves, notesOf } = importMethods([method]);
    expect(leaves[0]!.rule).toEqual({ kind: "choice", options: [1, 0.5, 0] });
    expect(notesOf(1)).toEqual([]);
  });
});
