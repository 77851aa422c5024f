/**
 * API round 7 (API7-7): "Phường 01" was another ward than "Phường 1": a units sheet sent again
 * with the zero padded created the ward a second time.
 */
import { describe, expect, it } from "vitest";
import { call } from "./helpers.ts";

const PROVINCE = "tinh-minh-hoa";
const newUnit = (id: string, name: string, extra: Record<string, unknown> = {}) =>
  call("POST", "/v1/units", { body: { id, name, type: "commune", parentId: PROVINCE, validFrom: "2025-07-01", ...extra } });

describe("API7-7: a number in a name is read as its number", () => {
  const WARD = { type: "ward", validFrom: "2025-07-01" };
  it("Phường 01 is Phường 1 (409 on POST, exists on the sheet); Phường 15 and Phường 1/5 stay apart", async () => {
    expect((await newUnit("t-r7-p1", "Phường 1 R7", WARD)).status).toBe(201);
    const again = await newUnit("t-r7-p01", "Phường 01 R7", WARD);
    expect([again.status, again.body.error?.code], again.text).toEqual([409, "UNIT_NAME_EXISTS"]);
    const sheet = await call("POST", "/v1/units/import", {
      body: { rows: [{ row: 2, name: "Phường 001 R7", type: "Phường", parent: PROVINCE, validFrom: "01/07/2025" }], dryRun: true },
    });
    expect(sheet.body.units?.[0], sheet.text).toMatchObject({ id: "t-r7-p1", action: "exists" });
    expect((await newUnit("t-r7-p15", "Phường 15 R7", WARD)).status).toBe(201);
    expect((await newUnit("t-r7-p1-5", "Phường 1/5 R7", WARD)).status).toBe(201);
  });
});
