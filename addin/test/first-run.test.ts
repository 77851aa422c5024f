import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { OpenPeriod } from "../../shared/index.ts";
import type { WorkbookHost } from "../src/host.ts";
import { AccountFlow } from "../src/pane/account-flow.ts";
import { PaneContext, PROGRESS_DELAY_MS } from "../src/pane/pane-context.ts";
import { DEFAULT_SETTINGS, loadSettings, TOKEN_KEY } from "../src/settings.ts";
import { memoryStore, type KeyValueStore } from "../src/storage.ts";
import { FileHost } from "../src/web/file-host.ts";

/**
 * The first run's logic without a browser (issue 16 items 1, 3 and "Bad input"): what each
 * code gets, what the server is asked, what is kept, and the period chosen for the user.
 * The browser test (e2e/first-run) drives the same against the real Worker.
 */
const period = (id: string, year: number, extended = false): OpenPeriod => ({
  id,
  year,
  criteriaSet: { id: "demo-commune-2024", version: 1, title: "Bộ tiêu chí cấp xã" },
  unitType: "commune",
  deadline: "2027-01-31T10:00:00.000Z",
  extended,
  label: { vi: `Kỳ đánh giá năm ${year} — cấp xã, hạn nộp 31/01/2027`, en: `Assessment period ${year} — commune level, due 31/01/2027` },
});

/** A stand-in for the Worker's three routes the first run calls; every request recorded. */
function worker(answers: { activate?: [number, unknown]; periods?: OpenPeriod[] }) {
  const calls: string[] = [];
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    calls.push(`${init.method ?? "GET"} ${url}`);
    if (url.endsWith("/v1/activate")) return json(...(answers.activate ?? [201, { token: "pi_new", unit: { id: "xa-an-loc", name: "Xã An Lộc" }, role: "unit", expiresAt: "2027-12-31T23:59:59+07:00" }]));
    if (url.endsWith("/v1/me")) return json(200, { role: "unit", unit: { id: "xa-an-loc", name: "Xã An Lộc" }, periods: answers.periods ?? [] });
    return json(404, { error: { code: "NOT_FOUND", message: "no route" } });
  });
  return { fetch, calls };
}

/** No DOM here: the pane's element only ever has its progress slot looked up. */
const root = { querySelector: () => null, setAttribute() {}, removeAttribute() {} } as unknown as HTMLElement;

async function setup(answers: Parameters<typeof worker>[0]) {
  const w = worker(answers);
  vi.stubGlobal("fetch", w.fetch);
  vi.stubGlobal("location", new URL("https://cchc.example.gov.vn/taskpane.html"));
  const store: KeyValueStore = memoryStore();
  const pane = new PaneContext(root, new FileHost({ sheets: [] }), store, async () => {});
  pane.settings = { ...DEFAULT_SETTINGS };
  const loadSet = vi.fn(async () => null);
  const flow = new AccountFlow(pane, loadSet);
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return data;
  };
  return { ...w, store, pane, flow, loadSet, form };
}

afterEach(() => vi.unstubAllGlobals());

describe("the first run: only the activation code", () => {
  // Never "wrong or expired" for what was never sent: the sentence says what is wrong with what was typed.
  it.each([
    ["", "nothing typed", "Chưa nhập mã kích hoạt."],
    [" - ", "only separators", "Chưa nhập mã kích hoạt."],
    ["ABCD-12", "too short", "Mã kích hoạt gồm 10 ký tự (ví dụ ABCD-EFGH-JK): kiểm tra lại."],
    ["ABCD-EFGH-JKL!", "too long", "Mã kích hoạt gồm 10 ký tự (ví dụ ABCD-EFGH-JK): kiểm tra lại."],
    // A4-11: the letter no code has is named, never "only letters… no U".
    ["ABCD-EFGH-JU", "a letter no code has", 'Mã kích hoạt không có ký tự "U": mã chỉ gồm chữ số 0–9 và chữ cái A–Z trừ chữ U (ví dụ ABCD-EFGH-JK). Kiểm tra lại.'],
    ["ABCD-EF#H-J!", "signs no code has", 'Mã kích hoạt không có ký tự "#", "!": mã chỉ gồm chữ số 0–9 và chữ cái A–Z trừ chữ U (ví dụ ABCD-EFGH-JK). Kiểm tra lại.'],
    // Unikey's Telex as the code is typed: "7KAS" → "7KÁ", "DD" → "Đ", "W" → "Ư" (NFD too, as some settings write it).
    ["7KÁ-ĐEFG-ƯK", "a Vietnamese keyboard", "Mã vừa gõ có chữ tiếng Việt (Á, Đ, Ư): bộ gõ tiếng Việt (Unikey, EVKey) đã đổi các phím của mã. Chuyển bộ gõ sang chế độ tiếng Anh (E) rồi gõ lại mã."],
    ["7KA\u0301-DEFG-HJK", "a Vietnamese keyboard, NFD", "Mã vừa gõ có chữ tiếng Việt (Á): bộ gõ tiếng Việt (Unikey, EVKey) đã đổi các phím của mã. Chuyển bộ gõ sang chế độ tiếng Anh (E) rồi gõ lại mã."],
  ])("%j is refused in the pane, never sent (%s)", async (typed, _why, sentence) => {
    const { flow, pane, calls, store, form } = await setup({});
    expect(await flow.activate(form({ code: typed }))).toBe("first-run");
    expect(pane.status).toEqual({ kind: "error", text: sentence });
    expect(calls).toEqual([]);
    expect(await store.get(TOKEN_KEY)).toBeNull();
    // A4-9: the field is marked invalid, as well as said.
    expect(flow.firstRunHtml()).toMatch(/id="activation-code"[^>]*aria-invalid="true"/);
  });

  it.each([
    [401, "ACTIVATION_INVALID", "Mã kích hoạt không đúng hoặc đã hết hạn: kiểm tra lại 10 ký tự (dạng ABCD-EFGH-JK) hoặc đề nghị nơi cấp mã cấp mã mới."],
    [410, "ACTIVATION_USED", "Mã kích hoạt này đã được dùng (mỗi mã chỉ dùng một lần): đề nghị nơi cấp mã cấp mã mới."],
    [429, "ACTIVATION_RATE_LIMITED", "Đã nhập sai mã kích hoạt quá nhiều lần: đợi 15 phút rồi nhập lại thật cẩn thận."],
  ])("a %s %s gets one sentence that says what to do, and nothing is kept", async (status, code, sentence) => {
    const { flow, pane, calls, store, form } = await setup({ activate: [status, { error: { code, message: sentence } }] });
    expect(await flow.activate(form({ code: "dem0 0000 0l" }))).toBe("first-run");
    expect(pane.status?.text).toBe(sentence);
    expect(calls).toEqual(["POST /v1/activate"]); // the code as typed, normalised: O read as 0, l as 1
    expect(await store.get(TOKEN_KEY)).toBeNull();
    expect(flow.firstRunHtml()).toMatch(/id="activation-code"[^>]*aria-invalid="true"/);
  });

  it("A4-9 and A4-11 in English: the code's field is invalid only while a code was refused", async () => {
    const { flow, pane, form } = await setup({});
    pane.settings = { ...pane.settings, locale: "en" };
    expect(flow.firstRunHtml()).not.toContain("aria-invalid");
    await flow.activate(form({ code: "ABCD-EFGH-JU" }));
    expect(pane.status?.text).toBe('An activation code never has "U": codes use only the digits 0–9 and the letters A–Z except U (e.g. ABCD-EFGH-JK). Check it again.');
    expect(flow.firstRunHtml()).toContain('aria-invalid="true"');
  });

  it("one open period: chosen for the user, saved, its set loaded, and said in words", async () => {
    const { flow, pane, store, loadSet, form, fetch } = await setup({ periods: [period("2025-commune", 2025)] });
    expect(await flow.activate(form({ code: "DEM0-0000-01" }))).toBe("main");
    expect(JSON.parse(String(fetch.mock.calls[0]![1]!.body))).toEqual({ code: "DEM0-0000-01" });
    expect(pane.status).toEqual({ kind: "ok", text: 'Đã kích hoạt cho Xã An Lộc. Kỳ đánh giá năm 2025 — cấp xã, hạn nộp 31/01/2027. Bộ tiêu chí đã sẵn sàng: mở bảng tự đánh giá và bấm "Kiểm tra & chấm điểm".' });
    expect(await store.get(TOKEN_KEY)).toBe("pi_new");
    expect(await loadSettings(store)).toMatchObject({ role: "unit", unit: { id: "xa-an-loc" }, periodId: "2025-commune", criteriaSetId: "demo-commune-2024", criteriaSetVersion: 1 });
    expect(JSON.stringify(await loadSettings(store))).not.toContain("pi_new"); // the token apart from the settings
    expect(loadSet).toHaveBeenCalled();
  });

  it("sends the same Idempotency-Key when the same code is sent again after a lost answer, a new one for another code", async () => {
    const { flow, form, fetch } = await setup({ activate: [503, { error: { code: "UNAVAILABLE", message: "down" } }] });
    await flow.activate(form({ code: "DEM0-0000-01" }));
    await flow.activate(form({ code: "dem0 0000 01" }));
    await flow.activate(form({ code: "DEM0-0000-02" }));
    const keys = fetch.mock.calls.map((c) => new Headers(c[1]!.headers).get("Idempotency-Key"));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it("several open periods: offered by their labels; the one picked is saved", async () => {
    const { flow, pane, store, form } = await setup({ periods: [period("2025-commune", 2025), period("2024-commune", 2024, true)] });
    expect(await flow.activate(form({ code: "DEM0-0000-01" }))).toBe("settings");
    expect(pane.status).toEqual({ kind: "info", text: "Đã kích hoạt cho Xã An Lộc. Có nhiều kỳ đánh giá đang mở: chọn kỳ cần làm rồi bấm Lưu." });
    expect((await flow.settingsHtml()).match(/<label class="choice">.*?<\/label>/g)).toHaveLength(2);
    expect(await flow.savePeriod(form({ period: "2024-commune" }))).toBe("main");
    expect(await loadSettings(store)).toMatchObject({ periodId: "2024-commune", periodLabel: { vi: "Kỳ đánh giá năm 2024 — cấp xã, hạn nộp 31/01/2027" } });
  });

  it("no open period: activated, and told plainly that none is open and the province opens it (nothing to choose)", async () => {
    const { flow, pane, form } = await setup({ periods: [] });
    expect(await flow.activate(form({ code: "DEM0-0000-01" }))).toBe("main");
    expect(pane.status?.text).toBe("Đã kích hoạt cho Xã An Lộc. Hiện chưa có kỳ đánh giá nào đang mở cho đơn vị. Kỳ đánh giá do tỉnh mở; đơn vị chưa cần làm gì cho đến khi tỉnh mở kỳ.");
    expect(pane.status?.text).not.toMatch(/chọn/);
  });

  it("says the add-in remembers the unit in Excel, and this page on the web checker", async () => {
    const { flow } = await setup({});
    expect(flow.firstRunHtml()).toContain("sau đó trang này nhớ đơn vị trên máy này."); // FileHost: a page
    const excel = new PaneContext(root, { kind: "excel" } as WorkbookHost, memoryStore(), async () => {});
    excel.settings = { ...DEFAULT_SETTINGS };
    expect(new AccountFlow(excel, async () => null).firstRunHtml()).toContain("sau đó add-in nhớ đơn vị trên máy này.");
  });

  it("deployed, the first run has no server field at all (the pane's own origin is the server)", async () => {
    const { flow } = await setup({});
    expect(flow.firstRunHtml()).not.toContain('name="server"');
    vi.stubGlobal("location", new URL("https://localhost:3000/taskpane.html"));
    expect(flow.firstRunHtml()).toContain('name="server"'); // only while developing on this computer
  });
});

describe("progress", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A pane whose progress slot records what is drawn into it. */
  function paneWithSlot() {
    const slot = { innerHTML: "" };
    const el = { querySelector: () => slot, setAttribute() {}, removeAttribute() {} } as unknown as HTMLElement;
    const pane = new PaneContext(el, new FileHost({ sheets: [] }), memoryStore(), async () => {});
    pane.settings = { ...DEFAULT_SETTINGS };
    return { pane, slot };
  }

  it("shows nothing for work under a second", async () => {
    const { pane, slot } = paneWithSlot();
    const done = pane.guard(() => new Promise((r) => setTimeout(r, PROGRESS_DELAY_MS / 2)), "Đang đọc bảng tính (1/4)…");
    await vi.advanceTimersByTimeAsync(PROGRESS_DELAY_MS);
    await done;
    expect(slot.innerHTML).toBe("");
  });

  it("shows the read's progress once work passes a second, follows its steps, and clears it at the end", async () => {
    const { pane, slot } = paneWithSlot();
    const done = pane.guard(async () => {
      await new Promise((r) => setTimeout(r, PROGRESS_DELAY_MS + 200));
      pane.showProgress(3, 4);
      await new Promise((r) => setTimeout(r, 500));
    }, "Đang đọc bảng tính (1/4)…");
    await vi.advanceTimersByTimeAsync(PROGRESS_DELAY_MS + 100);
    expect(slot.innerHTML).toContain("Đang đọc bảng tính (1/4)…");
    await vi.advanceTimersByTimeAsync(200);
    expect(slot.innerHTML).toContain("Đang đọc bảng tính (3/4)…");
    expect(slot.innerHTML).toContain("fluent-progress-bar");
    await vi.advanceTimersByTimeAsync(500);
    await done;
    expect(slot.innerHTML).toBe("");
  });

  it("draws a pane not drawn yet (no slot: its criteria set still downloading) once the wait passes a second, and not before", async () => {
    const render = vi.fn(async () => {});
    const pane = new PaneContext(root, new FileHost({ sheets: [] }), memoryStore(), render);
    pane.settings = { ...DEFAULT_SETTINGS };
    pane.startProgress("Đang tải bộ tiêu chí từ máy chủ…");
    await vi.advanceTimersByTimeAsync(PROGRESS_DELAY_MS / 2);
    expect(render).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(PROGRESS_DELAY_MS);
    expect(render).toHaveBeenCalledTimes(1);
    expect(pane.progress).toBe("Đang tải bộ tiêu chí từ máy chủ…");
    pane.stopProgress();
    expect(pane.progress).toBeNull();
    expect(render).toHaveBeenCalledTimes(1); // nothing drawn to take away: the caller draws next

    // A quick download: no drawing at all.
    pane.startProgress("Đang tải bộ tiêu chí từ máy chủ…");
    await vi.advanceTimersByTimeAsync(PROGRESS_DELAY_MS / 2);
    pane.stopProgress();
    await vi.advanceTimersByTimeAsync(PROGRESS_DELAY_MS);
    expect(render).toHaveBeenCalledTimes(1);
  });
});
