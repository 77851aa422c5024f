import { afterEach, describe, expect, it, vi } from "vitest";
import { ONBOARDING_STRINGS } from "../src/i18n-onboarding.ts";
import { AccountFlow } from "../src/pane/account-flow.ts";
import { PaneContext } from "../src/pane/pane-context.ts";
import { DEFAULT_SETTINGS } from "../src/settings.ts";
import { memoryStore } from "../src/storage.ts";
import { FileHost } from "../src/web/file-host.ts";

/**
 * PANE3-3: with a revoked or expired token (or no network), Cài đặt said "no period is open,
 * the unit needn't do anything" while the period was open until 31/01/2027. When GET /v1/me
 * fails, it says the list cannot be read (until the unit activates again), and keeps the
 * period chosen before.
 */
const root = { querySelector: () => null, setAttribute() {}, removeAttribute() {} } as unknown as HTMLElement;
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const label = { vi: "Kỳ đánh giá năm 2024 — cấp xã, hạn nộp 17:00 ngày 31/01/2027", en: "2024 assessment — communes, due 17:00 on 31/01/2027" };

function setup(answer: () => Response) {
  vi.stubGlobal("fetch", vi.fn(async () => answer()));
  vi.stubGlobal("location", new URL("https://cchc.example.gov.vn/taskpane.html"));
  const pane = new PaneContext(root, new FileHost({ sheets: [] }), memoryStore(), async () => {});
  pane.settings = { ...DEFAULT_SETTINGS, role: "unit", unit: { id: "xa-an-loc", name: "Xã An Lộc" }, periodId: "2024-commune", criteriaSetId: "demo-commune-2024", criteriaSetVersion: 1, periodLabel: label };
  pane.token = "revoked";
  return { pane, flow: new AccountFlow(pane, async () => null) };
}

afterEach(() => vi.unstubAllGlobals());

describe("PANE3-3: the period section when /v1/me fails", () => {
  it("a refused token: the list cannot be read until the unit activates again; never 'no period is open'", async () => {
    const { flow } = setup(() => json(401, { error: { code: "UNAUTHORIZED", message: "token revoked" } }));
    await flow.refreshPeriods();
    const html = await flow.settingsHtml();
    expect(html).not.toContain(ONBOARDING_STRINGS.vi.noOpenPeriod);
    expect(html).toContain("Chưa đọc được danh sách kỳ đánh giá vì đăng nhập trên máy này không còn hiệu lực");
    expect(html).toContain("kích hoạt lại bằng mã mới");
    expect(html).toContain("Kỳ đã chọn trên máy này: Kỳ đánh giá năm 2024 — cấp xã, hạn nộp 17:00 ngày 31/01/2027");
  });

  it("offline: the list cannot be read now, the chosen period is kept; in English too", async () => {
    const { flow, pane } = setup(() => {
      throw new TypeError("Failed to fetch");
    });
    await flow.refreshPeriods();
    expect(await flow.settingsHtml()).toContain("mất mạng hoặc máy chủ không trả lời");
    pane.settings = { ...pane.settings, locale: "en" };
    const en = await flow.settingsHtml();
    expect(en).not.toContain(ONBOARDING_STRINGS.en.noOpenPeriod);
    expect(en).toContain("Period chosen on this computer: 2024 assessment");
  });

  it("a later answer replaces the sentence with the periods", async () => {
    let up = false;
    const { flow } = setup(() => (up ? json(200, { role: "unit", unit: { id: "xa-an-loc", name: "Xã An Lộc" }, periods: [] }) : json(401, { error: { code: "UNAUTHORIZED", message: "x" } })));
    await flow.refreshPeriods();
    up = true;
    await flow.refreshPeriods();
    expect(await flow.settingsHtml()).toContain(ONBOARDING_STRINGS.vi.noOpenPeriod);
  });
});
