import { describe, expect, it } from "vitest";
import { describeFailure } from "../src/errors.ts";
import { formatInstant, formatPercent, formatStamp, formatVietnamDay, vietnamIsoDay } from "../src/format.ts";
import { STRINGS } from "../src/i18n.ts";
import { ADMIN_STRINGS } from "../src/i18n-admin.ts";
import { EXCEL_STRINGS } from "../src/i18n-excel.ts";
import { INSIGHT_STRINGS } from "../src/i18n-insight.ts";
import { ONBOARDING_STRINGS, refusalText } from "../src/i18n-onboarding.ts";
import { RUNTIME_STRINGS } from "../src/i18n-runtime.ts";

/**
 * Every word the pane shows comes from a catalogue with both languages (issue 16): the same
 * keys in Vietnamese and English, every entry a non-empty sentence for any arguments, and
 * Vietnamese that is Vietnamese. The types already force the keys; this checks what types
 * cannot: what each entry says once called.
 */
const CATALOGUES = { pane: STRINGS, runtime: RUNTIME_STRINGS, excel: EXCEL_STRINGS, insight: INSIGHT_STRINGS, onboarding: ONBOARDING_STRINGS, admin: ADMIN_STRINGS };

/** Every entry as the text it gives, keyed by its path; functions are called with sample arguments of each kind. */
function texts(value: unknown, path = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") out.set(path, value);
  else if (typeof value === "function") out.set(path, call(value as (...a: unknown[]) => unknown)); else if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${path}[${i}]`).forEach((t, k) => out.set(k, t)));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) texts(v, path ? `${path}.${k}` : k).forEach((t, key) => out.set(key, t));
  return out;
}

/** Sample arguments: text and numbers in turn; a parameter that is a list of sheets gets one. */
function call(fn: (...a: unknown[]) => unknown): string {
  const args = Array.from({ length: fn.length }, (_, i) => (i % 2 === 0 ? "X" : 3));
  try {
    return String(fn(...args));
  } catch {
    return String(fn(["Trang 1"], ...args.slice(1)));
  }
}

/** Letters only Vietnamese uses: a sentence of four words or more without any is not Vietnamese. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

describe.each(Object.entries(CATALOGUES))("the %s catalogue", (_, catalogue) => {
  const vi = texts(catalogue.vi);
  const en = texts(catalogue.en);

  it("has every key in both languages", () => {
    expect([...en.keys()].sort()).toEqual([...vi.keys()].sort());
  });

  it("says something for every key, in each language", () => {
    for (const [key, text] of [...vi, ...en]) expect(text.trim(), key).not.toBe("");
  });

  it("is Vietnamese in Vietnamese: every sentence of four words or more has Vietnamese letters", () => {
    const english = [...vi].filter(([, t]) => t.split(/\s+/).length >= 4 && !VIETNAMESE.test(t));
    expect(english).toEqual([]);
  });
});

describe("formats", () => {
  it("writes percentages as the CLI does: a decimal comma and a space before the sign", () => {
    expect(formatPercent(74.5, "vi")).toBe("74,5 %");
    expect(formatPercent(74.5, "en")).toBe("74.5 %");
    expect(formatPercent(66.2649, "vi")).toBe("66,26 %");
    expect(formatPercent(100, "vi")).toBe("100 %");
  });

  it("writes times as dd/mm/yyyy hh:mm, never ISO", () => {
    expect(formatStamp(new Date(2026, 10, 29, 10, 19))).toBe("29/11/2026 10:19");
    expect(formatInstant(new Date(2026, 0, 5, 7, 3).toISOString())).toBe("05/01/2026 07:03");
    expect(formatInstant("not a time")).toBe("not a time");
  });

  it("takes deadlines and code expiry as days in Vietnam, whatever this computer's zone", () => {
    expect(formatVietnamDay("2025-01-31T10:00:00.000Z")).toBe("31/01/2025");
    expect(formatVietnamDay("2025-01-31T23:59:59+07:00")).toBe("31/01/2025");
    expect(vietnamIsoDay("2025-01-31T17:00:00.000Z")).toBe("2025-02-01");
  });
});

describe("bad input in one sentence that says what to do", () => {
  const o = (locale: "vi" | "en") => ONBOARDING_STRINGS[locale].input;

  it("names the file and the fix for a file that is not a workbook or cannot be read", () => {
    expect(o("vi").notWorkbook("danh-sach.docx")).toBe('Tệp "danh-sach.docx" không phải bảng tính Excel (.xlsx, .xls): chọn đúng tệp bảng tự đánh giá rồi thử lại.');
  });

  it("refuses an empty workbook and one with no criteria table as the CLI does, saying what to open instead", () => {
    expect(refusalText("empty", "vi")).toMatch(/^Bảng tính này trống: mở bảng tự đánh giá/);
    expect(refusalText("no-table", "vi")).toMatch(/^Không có bảng tiêu chí ở đây: .*Mở đúng bảng tự đánh giá rồi kiểm tra lại\.$/);
    expect(refusalText("no-table", "en")).toMatch(/^No criteria table here: /);
  });

  it("never shows a raw status or code for an HTTP failure", () => {
    for (const status of [400, 401, 403, 404, 409, 413, 422, 500, 502]) {
      for (const locale of ["vi", "en"] as const) {
        const text = describeFailure({ ok: false, kind: "http", status, code: `HTTP_${status}`, retryable: false }, locale);
        expect(text).not.toMatch(/HTTP_|\d{3}/);
        if (locale === "vi") expect(text).toMatch(VIETNAMESE);
      }
    }
    expect(describeFailure({ ok: false, kind: "offline", status: null, code: "OFFLINE", retryable: true }, "vi")).toBe("Không kết nối được máy chủ (mất mạng hoặc máy chủ tạm dừng).");
  });

  it("says which unit name is in no list", () => {
    expect(o("vi").wrongUnit("Xã Không Có")).toBe('Không có đơn vị "Xã Không Có" trong danh sách: chọn một tên trong danh sách gợi ý (gõ vài chữ đầu của tên).');
  });
});

describe("English counts are singular for one (an outside tester: '1 points short', '5 error(s)')", () => {
  it("says one error, one point, one criterion", () => {
    expect(STRINGS.en.counts(1, 2)).toBe("1 error · 2 warnings");
    expect(STRINGS.en.blocked(1)).toBe("Cannot submit yet: 1 error to fix.");
    expect(STRINGS.en.lost("1")).toBe("1 point lost");
    expect(STRINGS.en.lost("1.5")).toBe("1.5 points lost");
  });
});
