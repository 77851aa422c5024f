import { describe, expect, it } from "vitest";
import { tokenExpiry } from "./admin.ts";

/**
 * CF4-8: `create-token --expires` takes today (Vietnam time: a token valid through the end of
 * today) and refuses yesterday, and its refusal says that rule. Every instant is given, so the
 * machine's time zone does not matter; each is a time when the UTC day and Vietnam's differ.
 */
describe("admin CLI (CF4-8): --expires is today or later, Vietnam time, and says so", () => {
  it.each<[string, string, string]>([
    // 01:00 on 1 December in Vietnam, still 30 November in UTC.
    ["2026-11-30T18:00:00.000Z", "2026-12-01", "2026-11-30"],
    // 23:59:59.500 on 1 December in Vietnam: today is still accepted, to its last second.
    ["2026-12-01T16:59:59.500Z", "2026-12-01", "2026-11-30"],
    // 00:30 on 2 December in Vietnam, still 1 December in UTC.
    ["2026-12-01T17:30:00.000Z", "2026-12-02", "2026-12-01"],
  ])("at %s: today %s accepted, yesterday %s refused", (at, today, yesterday) => {
    expect(tokenExpiry(today, at)).toBe(`${today}T23:59:59+07:00`);
    expect(() => tokenExpiry(yesterday, at)).toThrow(
      `--expires phải là hôm nay (${today}, giờ Việt Nam) hoặc một ngày sau hôm nay (nhận được ${yesterday}) / --expires must be today (${today}, Vietnam time) or a day after today (got ${yesterday})`,
    );
  });
});
