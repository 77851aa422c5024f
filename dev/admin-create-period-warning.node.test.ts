import { describe, expect, it } from "vitest";
import { buildCommand } from "./admin.ts";
import { readArguments } from "./admin-options.ts";

/** API8-7: `admin create-period` left open with its deadline past prints the warning POST /v1/periods answers (CYC1-8). */
describe("admin CLI: create-period with a past deadline", () => {
  const at = "2026-11-30T10:00:00.000Z";
  const warning = (...extra: string[]) =>
    buildCommand("create-period", readArguments(["create-period", "--id", "2022-commune-cli", "--year", "2022", "--set", "demo-commune-2022", "--version", "1", "--deadline", "31/01/2023", ...extra]).values, at).warning ?? "";
  it("warns as the API does, with the CLI's way out (--locked), when left open; no warning when locked or due ahead; runAdmin prints it after what was stored", () => {
    const open = warning();
    expect(open).toMatch(/^Hạn nộp 31\/01\/2023 23:59 \(giờ Việt Nam\) đã qua — bây giờ là 30\/11\/2026 17:00 giờ Việt Nam/);
    expect(open).toContain("--locked");
    expect(warning("--locked")).toBe("");
    expect(buildCommand("create-period", readArguments(["create-period", "--id", "p", "--year", "2026", "--set", "s", "--deadline", "31/12/2026"]).values, at).warning).toBeUndefined();
  });
});
