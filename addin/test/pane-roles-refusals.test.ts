import { readFileSync } from "node:fs";
import * as XLSX from "@e965/xlsx";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ConsolidationPeriod, OpenPeriod } from "../../shared/index.ts";
import { describeFailure } from "../src/errors.ts";
import { ONBOARDING_STRINGS } from "../src/i18n-onboarding.ts";
import { AccountFlow, offeredPeriods } from "../src/pane/account-flow.ts";
import { mainActionsHtml } from "../src/pane/main-actions.ts";
import { PaneContext } from "../src/pane/pane-context.ts";
import { DEFAULT_SETTINGS } from "../src/settings.ts";
import { memoryStore } from "../src/storage.ts";
import { FileHost } from "../src/web/file-host.ts";
import { openWorkbookFile } from "../src/web/open-workbook.ts";

/**
 * The pane red-team's findings 3, 6, 7, 8 and 9: a reviewer consolidates closed periods, a
 * refused submission gives the server's reason, only units are offered "Nộp báo cáo", a refused
 * saved token asks for a new sign-in, and a .csv or a password-protected file is said as such.
 */
const open = (id: string, label: string): OpenPeriod => ({
  id,
  year: 2024,
  criteriaSet: { id: "demo-commune-2024", version: 1, title: "Bộ tiêu chí cấp xã" },
  unitType: "commune",
  deadline: "2025-01-31T17:00:00+07:00",
  extended: false,
  label: { vi: label, en: label },
});
const closedDemo: ConsolidationPeriod = { ...open("2024-commune-demo", "Kỳ đánh giá năm 2024 — cấp xã, đã hết hạn nộp 31/01/2025"), closed: true };
const closedOther: ConsolidationPeriod = { ...open("2024-commune", "Kỳ đánh giá năm 2024 — cấp xã, đã hết hạn nộp 31/01/2025 (2)"), closed: true };

const root = { querySelector: () => null, setAttribute() {}, removeAttribute() {} } as unknown as HTMLElement;
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

function setup(answer: (url: string, init: RequestInit) => Response) {
  const calls: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit = {}) => {
      calls.push(`${init.method ?? "GET"} ${url} ${String((init.headers as Record<string, string> | undefined)?.Authorization ?? "")}`);
      return answer(url, init);
    }),
  );
  vi.stubGlobal("location", new URL("https://cchc.example.gov.vn/taskpane.html"));
  const pane = new PaneContext(root, new FileHost({ sheets: [] }), memoryStore(), async () => {});
  pane.settings = { ...DEFAULT_SETTINGS };
  const flow = new AccountFlow(pane, async () => null);
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return data;
  };
  return { pane, flow, form, calls };
}

afterEach(() => vi.unstubAllGlobals());

describe("finding 3: a reviewer or admin is offered the periods to consolidate, closed ones too", () => {
  it("offers a reviewer the closed demo cycle by its label though no period is open", async () => {
    const { flow, form, pane } = setup(() => json(200, { role: "reviewer", unit: { id: "huyen-an-binh", name: "Huyện An Bình" }, periods: [], consolidation: [closedDemo, closedOther] }));
    expect(await flow.useToken(form({ token: "demo-reviewer" }))).toBe("settings");
    expect(flow.periods?.map((p) => p.id)).toEqual(["2024-commune-demo", "2024-commune"]);
    expect(pane.status?.text).toContain(ONBOARDING_STRINGS.vi.choosePeriod);
    expect(await flow.settingsHtml()).toContain("Kỳ đánh giá năm 2024 — cấp xã, đã hết hạn nộp 31/01/2025");
    // chosen: saved with its criteria set, as an open one is
    expect(await flow.savePeriod(form({ period: "2024-commune-demo" }))).toBe("main");
    expect(pane.settings).toMatchObject({ periodId: "2024-commune-demo", criteriaSetId: "demo-commune-2024", criteriaSetVersion: 1 });
  });

  it("chooses the one period a reviewer may consolidate, and says when there is none", async () => {
    const one = setup(() => json(200, { role: "admin", unit: null, periods: [], consolidation: [closedDemo] }));
    expect(await one.flow.useToken(one.form({ token: "demo-admin" }))).toBe("main");
    expect(one.pane.settings.periodId).toBe("2024-commune-demo");
    vi.unstubAllGlobals();
    const none = setup(() => json(200, { role: "reviewer", unit: { id: "h", name: "Huyện" }, periods: [], consolidation: [] }));
    await none.flow.useToken(none.form({ token: "demo-reviewer" }));
    expect(none.pane.status?.text).toContain(ONBOARDING_STRINGS.vi.noPeriodToConsolidate);
    expect(await none.flow.settingsHtml()).toContain(ONBOARDING_STRINGS.vi.noPeriodToConsolidate);
  });

  it("keeps a unit's choice to the periods it may submit to, and reads an older server without `consolidation`", () => {
    const submitTo = open("2024-commune", "Kỳ đánh giá năm 2024 — cấp xã, hạn nộp 31/01/2025");
    expect(offeredPeriods({ role: "unit", unit: { id: "x", name: "X" }, periods: [submitTo], consolidation: [] })).toEqual([submitTo]);
    expect(offeredPeriods({ role: "reviewer", unit: null, periods: [submitTo], consolidation: [] })).toEqual([submitTo]);
  });
});

describe("finding 6: a refused submission says the server's reason, not the workbook's", () => {
  const notInPeriod = {
    ok: false as const,
    kind: "http" as const,
    status: 422,
    code: "UNIT_NOT_IN_PERIOD",
    retryable: false,
    message: "Đơn vị xa-an-phu hoạt động đến hết ngày 30/06/2025 (đã sáp nhập hoặc giải thể), trước ngày cuối của kỳ 2025-commune (31/12/2025): đơn vị kế thừa nộp hồ sơ cho kỳ này / the last day of unit xa-an-phu was 2025-06-30 (merged or dissolved), before the last day of period 2025-commune (2025-12-31): its successor submits for this period",
  };

  it("gives the Vietnamese half in Vietnamese, the English half in English, as sentences", () => {
    expect(describeFailure(notInPeriod, "vi")).toBe(
      "Đơn vị xa-an-phu hoạt động đến hết ngày 30/06/2025 (đã sáp nhập hoặc giải thể), trước ngày cuối của kỳ 2025-commune (31/12/2025): đơn vị kế thừa nộp hồ sơ cho kỳ này.",
    );
    expect(describeFailure(notInPeriod, "en")).toBe("The last day of unit xa-an-phu was 2025-06-30 (merged or dissolved), before the last day of period 2025-commune (2025-12-31): its successor submits for this period.");
  });

  it("does so for another refusal (409 with a reason of its own) and a one-language message", () => {
    const review = { ...notInPeriod, status: 409, code: "REVIEW_STARTED", message: "Hồ sơ đang được thẩm định, không nộp thêm phiên bản" };
    expect(describeFailure(review, "vi")).toBe("Hồ sơ đang được thẩm định, không nộp thêm phiên bản.");
  });

  it("keeps the generic sentence for a 422 without a message, and the pane's own words for codes it knows", () => {
    const { message: _, ...bare } = notInPeriod;
    expect(describeFailure(bare, "vi")).toBe("Máy chủ không chấp nhận dữ liệu gửi lên: kiểm tra lại bảng tính rồi nộp lại.");
    expect(describeFailure({ ...notInPeriod, code: "HEADER_NOT_FOUND" }, "vi")).toBe("Máy chủ không tìm thấy bảng tiêu chí trong dữ liệu gửi lên.");
  });
});

describe("finding 7: only units are offered Nộp báo cáo", () => {
  it.each(["reviewer", "admin"] as const)("a %s gets no submit button, and one line saying why", (role) => {
    const html = mainActionsHtml("vi", { role, signInRejected: false, download: null });
    expect(html).not.toContain('data-action="submit"');
    expect(html).toContain('data-action="consolidate"');
    expect(html).toContain(ONBOARDING_STRINGS.vi.submitUnitsOnly);
  });

  it.each(["unit", null] as const)("a token of role %s keeps it", (role) => {
    const html = mainActionsHtml("vi", { role, signInRejected: false, download: null });
    expect(html).toContain('data-action="submit"');
    expect(html).not.toContain("submit-units-only");
  });
});

describe("finding 8: a refused saved token asks for a new sign-in", () => {
  it("marks the sign-in as no longer valid on any 401 to the saved token, and says to activate with a new code", async () => {
    const { pane } = setup(() => json(401, { error: { code: "UNAUTHORIZED", message: "invalid token" } }));
    pane.token = "pi_revoked";
    pane.settings = { ...pane.settings, role: "unit", periodId: "2024-commune", criteriaSetId: "demo-commune-2024", criteriaSetVersion: 1 };
    const r = await pane.client().criteriaSet("demo-commune-2024", 1);
    expect(r.ok).toBe(false);
    expect(pane.signInRejected).toBe(true);
    if (!r.ok) expect(pane.describe(r)).toBe(ONBOARDING_STRINGS.vi.signInInvalid.code);
    expect(pane.describe(r as never)).not.toContain("Cài đặt");
    expect(mainActionsHtml("vi", { role: "unit", signInRejected: true, download: null })).toContain('data-action="reactivate"');
    pane.settings = { ...pane.settings, role: "reviewer" };
    expect(pane.signInInvalid).toBe(ONBOARDING_STRINGS.vi.signInInvalid.token);
  });

  it("does not blame the saved sign-in for a wrong token pasted to replace it, and a new sign-in clears it", async () => {
    let me = json(401, { error: { code: "UNAUTHORIZED", message: "invalid token" } });
    const { pane, flow, form } = setup((url) => (url.endsWith("/v1/me") ? me : json(404, {})));
    pane.token = "pi_good";
    await flow.useToken(form({ token: "wrong" }));
    expect(pane.signInRejected).toBe(false);
    pane.signInRejected = true;
    me = json(200, { role: "unit", unit: { id: "xa-an-loc", name: "Xã An Lộc" }, periods: [], consolidation: [] });
    await flow.useToken(form({ token: "pi_new" }));
    expect(pane.signInRejected).toBe(false);
  });
});

describe("finding 9: a .csv or a password-protected file picked in the web checker", () => {
  const file = (bytes: Uint8Array | string, name: string) => new File([bytes as BlobPart], name);

  it("says a .csv is not supported and to save it as .xlsx from Excel", async () => {
    const opened = await openWorkbookFile(file("\ufeffSTT,Tiêu chí,Điểm\n1,Ban hành kế hoạch,2\n", "tu-danh-gia-2024.csv"), "vi");
    expect(opened).toEqual({ ok: false, text: ONBOARDING_STRINGS.vi.input.unsupportedFormat("tu-danh-gia-2024.csv", "csv") });
    expect(opened.ok ? "" : opened.text).toMatch(/^Tệp \.csv .*chưa được hỗ trợ: mở bằng Excel.*\.xlsx/);
  });

  it("says a workbook encrypted with a password is, whatever its name", async () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, "/EncryptionInfo", new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(cfb, "/EncryptedPackage", new Uint8Array(4096).fill(7));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: "array" }) as ArrayBuffer);
    for (const name of ["co-mat-khau.xlsx", "co-mat-khau.xls"]) {
      expect(await openWorkbookFile(file(bytes, name), "vi")).toEqual({ ok: false, text: ONBOARDING_STRINGS.vi.input.passwordProtected(name) });
    }
    expect(ONBOARDING_STRINGS.vi.input.passwordProtected("a.xlsx")).not.toContain("tệp hỏng");
  });

  it("keeps the reader's own sentence for what it recognised, and the pane's plain ones otherwise", async () => {
    const html = await openWorkbookFile(file("<html><body><table><tr><td>1</td></tr></table></body></html>", "bao-cao.xls"), "vi");
    expect(html.ok ? "" : html.text).toMatch(/^Tệp "bao-cao\.xls": tệp là một trang web \(HTML\).*\.xlsx.*\.$/);
    const pdf = await openWorkbookFile(file("%PDF-1.4\n1 0 obj<<>>endobj\n", "quyet-dinh.xlsx"), "vi");
    expect(pdf.ok ? "" : pdf.text).toMatch(/^Tệp "quyet-dinh\.xlsx": tệp PDF được đặt tên như tệp Excel, không phải bảng tính: chọn đúng tệp bảng tự đánh giá \(\.xlsx\)\.$/);
    expect(await openWorkbookFile(file("Xin chào", "ghi-chu.xlsx"), "vi")).toEqual({ ok: false, text: ONBOARDING_STRINGS.vi.input.notWorkbook("ghi-chu.xlsx") });
    const whole = readFileSync("fixtures/workbooks/realistic-commune-libreoffice.xlsx");
    const truncated = await openWorkbookFile(file(new Uint8Array(whole.subarray(0, whole.length >> 1)), "bi-hong.xlsx"), "en");
    // A download cut short is said as such, with what to do (A1-3).
    expect(truncated.ok ? "" : truncated.text).toMatch(/^"bi-hong\.xlsx": the file is cut short \(an interrupted download or copy\): download or copy it again/);
    expect((await openWorkbookFile(file(new Uint8Array(whole), "tu-danh-gia.csv"), "vi")).ok).toBe(true);
  });
});
