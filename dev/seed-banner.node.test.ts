import { describe, expect, it } from "vitest";
import { demoCodeLines } from "./seed.ts";

describe("npm start's banner of demo codes", () => {
  it("says the open periods' deadline with its hour, as the pane's labels do (a 17:00 deadline read as a whole day: go-live GL-8)", () => {
    const lines = demoCodeLines(new Date("2026-11-30T12:00:00Z")).join("\n");
    expect(lines).toContain("hạn 17:00 ngày 31/01/2027 / due");
    expect(lines).toContain("gia hạn đến 17:00 ngày 31/01/2027 / extended");
  });
});
