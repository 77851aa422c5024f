import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NewPeriodSchema } from "../worker/src/api-schemas.ts";
import { buildCommand, runAdmin, type Values } from "./admin.ts";
import { seededDatabase } from "./seeded-d1.ts";
import { querySql } from "./wrangler.ts";

/**
 * `admin create-period --deadline` reads a deadline as POST /v1/periods does (one parser,
 * worker/src/vietnam-day.ts) and stores the form the Worker stores; what it cannot read is
 * refused before anything is written.
 */
const period = (deadline: string): Values => ({ id: "2025-commune", year: "2025", set: "demo-commune-2024", version: "1", deadline });
const storedDeadline = (deadline: string): string => {
  const insert = buildCommand("create-period", period(deadline), "2025-01-01T00:00:00.000Z").statements[0]!;
  return /'(\d{4}-[^']*)', \d, '2025-01-01T00:00:00\.000Z'\)$/.exec(insert)![1]!;
};
const viaHttp = (deadline: string) => NewPeriodSchema.safeParse({ id: "p", year: 2025, criteriaSet: { id: "s", version: 1 }, deadline });

describe("admin create-period: the deadline", () => {
  it.each([
    ["2025-01-31", "2025-01-31T23:59:59+07:00"],
    ["31/01/2025", "2025-01-31T23:59:59+07:00"],
    ["2025-01-31T23:59:59+07:00", "2025-01-31T23:59:59+07:00"],
    ["2025-01-31T10:00:00Z", "2025-01-31T17:00:00+07:00"],
  ])("%s is stored as %s, as POST /v1/periods stores it", (typed, stored) => {
    expect(storedDeadline(typed)).toBe(stored);
    expect(viaHttp(typed).data?.deadline).toBe(stored);
  });

  it.each(["01/31/2025", "2025-01-31T23:59:59+0700", "2025-01-31 23:59:59", "2025-01-31T23:59:59", "31/02/2025", "Jan 31 2025"])("refuses %j, Vietnamese first, as POST /v1/periods does", (typed) => {
    const refused = (() => {
      try {
        return buildCommand("create-period", period(typed)).print;
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(refused.startsWith(`--deadline ${JSON.stringify(typed)}: hạn nộp là một ngày dd/mm/yyyy`), refused).toBe(true);
    expect(viaHttp(typed).success).toBe(false);
  });

  it("prints the deadline it understood, in Vietnam time", () => {
    expect(buildCommand("create-period", period("31/01/2025")).print).toBe("Đã tạo kỳ đánh giá 2025-commune, hạn nộp 23:59 ngày 31/01/2025 (giờ Việt Nam) / period 2025-commune created, deadline 31/01/2025 23:59 (Vietnam time)");
  });

  it("refuses before anything is written: no SQL file, no wrangler run", async () => {
    const tmpRoot = await mkdtemp(join(tmpdir(), "parindex-admin-deadline-"));
    try {
      await expect(runAdmin(["create-period", "--persist-to", join(tmpRoot, "none"), "--id", "x", "--year", "2025", "--set", "s", "--deadline", "01/31/2025"], { tmpRoot })).rejects.toThrow(/hạn nộp/);
      expect(await readdir(tmpRoot)).toEqual([]);
    } finally {
      await rm(tmpRoot, { recursive: true, force: true });
    }
  });
});

describe("admin create-period against D1", () => {
  let persistTo = "";
  beforeAll(async () => {
    persistTo = await seededDatabase();
  }, 200_000); // the run's seeded template may still be in the making
  afterAll(async () => rm(persistTo, { recursive: true, force: true }));

  it("--deadline 2025-01-31: SQLite reads it as the end of 31/01 in Vietnam, as JavaScript does", async () => {
    await runAdmin(["create-period", "--persist-to", persistTo, "--id", "cli-2024", "--year", "2024", "--set", "demo-commune-2024", "--deadline", "2025-01-31"]);
    const [row] = await querySql<{ deadline: string; at0900: number; at2359: number; next: number }>(
      `SELECT deadline,
              julianday('2025-01-31T09:00:00+07:00') <= julianday(deadline) AS at0900,
              julianday('2025-01-31T23:59:00+07:00') <= julianday(deadline) AS at2359,
              julianday('2025-02-01T00:00:00+07:00') <= julianday(deadline) AS next
       FROM periods WHERE id = 'cli-2024'`,
      { persistTo },
    );
    expect(row).toEqual({ deadline: "2025-01-31T23:59:59+07:00", at0900: 1, at2359: 1, next: 0 });
  }, 120_000);
});
