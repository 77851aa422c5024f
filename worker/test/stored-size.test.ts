/**
 * A version whose texts (grid, report, …) would not fit in a D1 row is refused in words
 * (422 WORKBOOK_TOO_LARGE), counted in UTF-8 bytes: scoreSubmission skips the encoding when
 * the texts are too short to reach the limit even at 3 bytes a code unit, so both sides of
 * that shortcut are checked here, with text of 1 and of 3 bytes a character.
 */
import { describe, expect, it } from "vitest";
import { ApiError } from "../src/errors.ts";
import { gridFromItems } from "../src/items-grid.ts";
import { MAX_STORED_BYTES, scoreSubmission } from "../src/submit.ts";
import type { SubmissionRequest } from "../src/api-schemas.ts";
import type { CriteriaSet } from "../../shared/index.ts";
import { COMMUNE_SET, fullItems } from "./helpers.ts";

const set = COMMUNE_SET as unknown as CriteriaSet;
const BASE = { id: "size-test", unitId: "xa-an-loc", periodId: "2024-commune", tokenId: "tok-unit", createdAt: "2025-01-15T02:00:00.000Z" };

/** The demo commune's items as a grid, and a sheet beside it holding one stray cell of this text. */
function score(stray: string) {
  const items = gridFromItems(fullItems(COMMUNE_SET) as SubmissionRequest["items"] & object, set);
  const grid = { sheets: [...items.sheets, { name: "Ghi chú", rows: [[{ v: stray }]], merges: [] }] };
  return () => scoreSubmission({ period: "2024-commune", grid, acceptedWarnings: [] } as unknown as SubmissionRequest, set, BASE);
}

const refusal = (run: () => unknown): string | null => {
  try {
    run();
    return null;
  } catch (e) {
    if (e instanceof ApiError) return e.code;
    throw e;
  }
};

describe("the stored size of a version", () => {
  it("stores a usual grid", () => {
    expect(refusal(score("ghi chú"))).toBeNull();
  });

  it("stores texts past a third of the limit in code units when their UTF-8 bytes fit", () => {
    const ascii = "x".repeat(Math.ceil(MAX_STORED_BYTES / 3) + 1000);
    expect(refusal(score(ascii))).toBeNull();
  });

  it("refuses texts whose UTF-8 bytes pass the limit, though their code units do not", () => {
    const threeBytes = "ệ".repeat(Math.ceil(MAX_STORED_BYTES / 3));
    expect(threeBytes.length).toBeLessThan(MAX_STORED_BYTES);
    expect(refusal(score(threeBytes))).toBe("WORKBOOK_TOO_LARGE");
  });

  it("refuses texts past the limit in plain ASCII", () => {
    expect(refusal(score("x".repeat(MAX_STORED_BYTES)))).toBe("WORKBOOK_TOO_LARGE");
  });
});
