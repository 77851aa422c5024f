import { describe, expect, it } from "vitest";
import { errorBody, MAX_ISSUES, quote } from "./errors.ts";

describe("the error envelope stays small whatever the input (issue 15, item 5)", () => {
  it("lists at most 100 issues, the last saying how many more", () => {
    const issues = Array.from({ length: 250 }, (_, i) => ({ path: `line ${i + 1}`, message: "bad" }));
    const listed = errorBody("SURVEY_INVALID", "250 lines", issues).error.issues!;
    expect(listed).toHaveLength(MAX_ISSUES);
    expect(listed[98]).toEqual({ path: "line 99", message: "bad" });
    expect(listed[99]!.message).toContain("151 more");
    expect(errorBody("X", "y", issues.slice(0, 100)).error.issues).toHaveLength(100);
  });

  it("quotes input to 80 characters, and cuts messages and paths as a last resort", () => {
    expect(quote("đ".repeat(500))).toBe(`${"đ".repeat(79)}…`);
    expect(quote("1.2")).toBe("1.2");
    const body = errorBody("X", "m".repeat(50_000), [{ path: "k".repeat(10_000), message: "v".repeat(50_000) }]).error;
    expect(body.message.length).toBeLessThanOrEqual(1_000);
    expect(body.issues![0]!.path.length).toBeLessThanOrEqual(200);
    expect(body.issues![0]!.message.length).toBeLessThanOrEqual(1_000);
  });
});
