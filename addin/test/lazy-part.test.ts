import { describe, expect, it } from "vitest";
import { describeOfficeError, PartNotLoaded, technicalDetail } from "../src/errors.ts";
import { lazyPart } from "../src/lazy-part.ts";

describe("a part loaded on first use (lazy-part.ts)", () => {
  it("loads once, forgets a failed load so the next use asks again, and says the failure as the network's (pane tester, PANE2-1)", async () => {
    let calls = 0;
    const load = lazyPart(async () => {
      calls++;
      if (calls === 1) throw new TypeError("Failed to fetch dynamically imported module: https://x/assets/submit-abc.js");
      return { part: calls };
    });
    const failed = await load().catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(PartNotLoaded);
    expect(describeOfficeError(failed, "vi")).toMatch(/^Chưa tải được phần chấm điểm của Chỉ số CCHC .*bấm lại/);
    expect(describeOfficeError(failed, "en")).toMatch(/could not be loaded/);
    expect(technicalDetail(failed)).toBeNull(); // no English TypeError under a Vietnamese sentence
    expect(await load()).toEqual({ part: 2 });
    expect(await load()).toEqual({ part: 2 });
    expect(calls).toBe(2);
  });
});
