import { expect } from "vitest";
import { call } from "./helpers.ts";
import { halves } from "../src/validation-messages.ts";

/** What round 7's worker tests (round7-messages, round7-query-params) share: the demo province, a new commune, both halves of a refusal. */
export const PROVINCE = "tinh-minh-hoa";
export const newUnit = (id: string, name: string, extra: Record<string, unknown> = {}) =>
  call("POST", "/v1/units", { body: { id, name, type: "commune", parentId: PROVINCE, validFrom: "2025-07-01", ...extra } });

/** The Vietnamese half is not the English one, and reads as Vietnamese. */
export function bothLanguages(message: string): void {
  const [vi, en] = halves(message);
  expect(vi, message).not.toBe(en);
  expect(vi, message).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳýỹ]/i);
}
