import { describe, expect, it } from "vitest";
import { importMethods } from "./import-round6-helpers.ts";

/**
 * IMP7-8: "không phát hiện sai phạm thì được điểm tối đa" beside other options was
 * notApplicable "full" (97640df) with choice [0,5; 0]: a department inspected with nothing found
 * that typed 1, as the decision grants, was refused (SCORE_STEP) and scored 0. The case the
 * sentence names is an option: the max.
 */
describe("the max granted to a case beside other options is an option (IMP7-8)", () => {
  it.each([
    ["Trường hợp cơ quan cấp trên thanh tra không phát hiện sai phạm thì được điểm tối đa; phát hiện sai phạm nhưng đã khắc phục: 0,5 điểm; phát hiện sai phạm chưa khắc phục: 0 điểm"],
    ["Qua kiểm tra không phát hiện sai phạm thì được điểm tối đa; có sai phạm đã khắc phục: 0,5 điểm; chưa khắc phục: 0 điểm"],
  ])("%j", (method) => {
    const { leaves, notesOf } = importMethods([method], 1);
    expect(leaves[0]!.rule).toEqual({ kind: "choice", options: [1, 0.5, 0] });
    expect(leaves[0]!.notApplicable).toBe("full");
    expect(notesOf(1).map((n) => n.code)).not.toContain("OPTIONS_BELOW_MAX");
  });

  it("options that hold the max already are left as they are", () => {
    const { leaves } = importMethods(["Kịp thời: 1 điểm; chậm: 0,5 điểm; không thực hiện: 0 điểm. Không phát sinh thì được điểm tối đa"], 1);
    expect(leaves[0]!.rule).toEqual({ kind: "choice", options: [1, 0.5, 0] });
  });
});
