import { describe, expect, it } from "vitest";
import { buildCommand } from "./admin.ts";
import { readArguments } from "./admin-options.ts";

/** CYC1-1: the admin CLI closes and reopens a period as POST /v1/periods/{id}/lock and …/unlock do. */
describe("admin CLI: lock-period / unlock-period", () => {
  const at = "2026-11-30T10:00:00.000Z";
  it("locks once (guarded UPDATE, audit row with the reason only when it changed)", () => {
    const { values } = readArguments(["lock-period", "--id", "p2026", "--reason", "Đã công bố kết quả"]);
    const cmd = buildCommand("lock-period", values, at);
    expect(cmd.statements[0]).toBe("UPDATE periods SET locked = 1 WHERE id = 'p2026' AND locked = 0");
    expect(cmd.statements[1]).toContain("'period.lock'");
    expect(cmd.statements[1]).toContain('"reason":"Đã công bố kết quả"');
    expect(cmd.statements[1]).toMatch(/WHERE changes\(\) = 1$/);
  });
  it("unlocks with a reason, and refuses either without one", () => {
    const { values } = readArguments(["unlock-period", "--id", "p2026", "--reason", "Hội đồng đồng ý phúc tra"]);
    expect(buildCommand("unlock-period", values, at).statements[0]).toBe("UPDATE periods SET locked = 0 WHERE id = 'p2026' AND locked = 1");
    expect(() => buildCommand("lock-period", readArguments(["lock-period", "--id", "p2026"]).values, at)).toThrow(/cần --reason/);
  });
});
