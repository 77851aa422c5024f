import { afterEach, describe, expect, it, vi } from "vitest";
import { AccountFlow } from "../src/pane/account-flow.ts";
import { contextHtml } from "../src/pane/chrome-view.ts";
import { PaneContext } from "../src/pane/pane-context.ts";
import { DEFAULT_SETTINGS, loadSettings } from "../src/settings.ts";
import { memoryStore } from "../src/storage.ts";
import { FileHost } from "../src/web/file-host.ts";

/**
 * Go-live GL-1: two "Xã Tân Lập" (of Huyện Yên Sơn and of Huyện Hàm Yên) — a commune read the
 * other one's code and was told only "Đã kích hoạt cho Xã Tân Lập.", so nobody noticed. The
 * activation answer now names the parent, and the pane says it, there and in its context line.
 */
const TAN_LAP = { id: "xa-tan-lap", name: "Xã Tân Lập", parent: { id: "huyen-yen-son", name: "Huyện Yên Sơn" } };
const period = {
  id: "2026-xa",
  year: 2026,
  criteriaSet: { id: "tinh-x-xa-2026", version: 1, title: "Bộ chỉ số cấp xã" },
  unitType: "commune",
  deadline: "2027-01-31T10:00:00.000Z",
  extended: false,
  label: { vi: "Kỳ đánh giá năm 2026 — cấp xã, hạn nộp 17:00 ngày 31/01/2027", en: "Assessment period 2026 — commune level, due 17:00 on 31/01/2027" },
};

afterEach(() => vi.unstubAllGlobals());

describe("GL-1: the pane names the unit with its parent once activated", () => {
  it("in the confirmation, the saved settings and the context line", async () => {
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: url.includes("activate") ? 201 : 200, headers: { "Content-Type": "application/json" } });
    let url = "";
    vi.stubGlobal(
      "fetch",
      vi.fn(async (u: string) => {
        url = u;
        return u.endsWith("/v1/activate") ? json({ token: "pi_new", unit: TAN_LAP, role: "unit", expiresAt: "2027-12-31T23:59:59+07:00" }) : json({ role: "unit", unit: TAN_LAP, periods: [period] });
      }),
    );
    vi.stubGlobal("location", new URL("https://cchc.example.gov.vn/taskpane.html"));
    const store = memoryStore();
    const pane = new PaneContext({ querySelector: () => null, setAttribute() {}, removeAttribute() {} } as unknown as HTMLElement, new FileHost({ sheets: [] }), store, async () => {});
    pane.settings = { ...DEFAULT_SETTINGS };
    const data = new FormData();
    data.set("code", "57FT-J4PB-PV");
    expect(await new AccountFlow(pane, vi.fn(async () => null)).activate(data)).toBe("main");
    expect(pane.status?.text).toMatch(/^Đã kích hoạt cho Xã Tân Lập \(Huyện Yên Sơn\)\. Kỳ đánh giá năm 2026/);
    expect((await loadSettings(store)).unit).toEqual(TAN_LAP);
    expect(contextHtml(pane.settings, true)).toContain("Xã Tân Lập (Huyện Yên Sơn) · Kỳ đánh giá năm 2026 — cấp xã, hạn nộp 17:00 ngày 31/01/2027");
  });

  it("keeps the name alone for an answer without a parent (an older server)", () => {
    expect(contextHtml({ ...DEFAULT_SETTINGS, role: "unit", unit: { id: "xa-an-phu", name: "Xã An Phú" }, periodLabel: period.label }, true)).toContain("Xã An Phú · Kỳ");
  });
});
