import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseCriteriaSet, type CriteriaSet } from "../../shared/index.ts";
import { ApiClient } from "../src/api/client.ts";
import { reviewStartedStage, REVIEW_STARTED_STRINGS } from "../src/i18n-review-started.ts";
import { AppraisalPanel } from "../src/pane/appraisal-part.ts";
import { memoryStore } from "../src/storage.ts";

/**
 * PANE3-1 and PANE3-4: a commune whose file was returned for explanation sees the reviewer's
 * reductions and comments in the main view and sends its explanation from the pane; what it
 * typed survives a failed send; every stage is said in words, with names, never raw ids.
 */
const parsed = parseCriteriaSet(JSON.parse(readFileSync("fixtures/criteria/demo-commune-2024.json", "utf8")));
if (!parsed.ok) throw new Error(parsed.message);
const set: CriteriaSet = parsed.set;

const item = (code: string, max: number, score: number, appraised: number | null, comment: string | null = null) => ({ code, kind: "manual", max, score, appraised, comment, explanations: [] });
const viewOf = (status: string, items = [item("1.1.1", 1, 1, 0, "Thẩm định lần 1: thiếu văn bản kiểm chứng cho 1.1.1"), item("1.1.2", 3, 3, 3), item("1.2", 3, 3, 1.5, "Thiếu báo cáo quý IV")]) => ({
  period: "2024-commune",
  unit: "xa-an-phu",
  status,
  turn: status === "returned_for_explanation" ? "unit" : "reviewer",
  round: 1,
  latestSubmission: { id: "s1", version: 1, createdAt: "2024-12-01T00:00:00Z" },
  items,
  history: [],
});
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

function panelWith(answer: (url: string, init: RequestInit) => Response | Promise<Response>, store = memoryStore()) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit = {}) => {
    calls.push({ url, init });
    return answer(url, init);
  }) as unknown as typeof fetch;
  const client = new ApiClient("https://cchc.example.gov.vn", "tok-unit", fetchImpl);
  const panel = new AppraisalPanel({ client, store, period: "2024-commune", unit: "xa-an-phu", unitName: "Xã An Phú", periodName: "Kỳ đánh giá năm 2024 — cấp xã" });
  return { panel, calls, store };
}
/** What the user reads: the text between the tags. */
const text = (html: string) => html.replace(/<[^>]*>/g, " ");
const typeInto = (panel: AppraisalPanel, code: string, part: "text" | "evidence", value: string) => panel.onInput({ dataset: { explainCode: code, explainPart: part }, value } as unknown as EventTarget);

afterEach(() => vi.unstubAllGlobals());

describe("PANE3-1: the unit side of the explanation round", () => {
  it("shows each reduced criterion with its title, self → appraised and the reviewer's comment, with a box to explain it", async () => {
    const { panel, calls } = panelWith(() => json(200, viewOf("returned_for_explanation")));
    await panel.refresh();
    expect(calls[0]?.url).toBe("https://cchc.example.gov.vn/v1/periods/2024-commune/units/xa-an-phu/appraisal");
    const html = panel.html("vi", set);
    expect(html).toContain("Xã An Phú");
    expect(html).toContain("trả lại để giải trình");
    expect(html).not.toContain("xa-an-phu");
    expect(html).toContain("Ban hành kế hoạch CCHC năm đúng thời hạn");
    expect(html).toContain("1 → 0 / 1");
    expect(html).toContain("3 → 1,5 / 3");
    expect(html).toContain("Thẩm định lần 1: thiếu văn bản kiểm chứng cho 1.1.1");
    // 1.1.2 kept its self-score: nothing to explain there
    expect(html.match(/data-testid="appraisal-item"/g)).toHaveLength(2);
    expect(html).not.toContain('data-code="1.1.2"');
    expect(html).toContain('id="explain-form"');
    expect(html).toContain('data-explain-code="1.1.1" data-explain-part="text"');
    expect(html).toContain('data-explain-code="1.2" data-explain-part="evidence"');
    expect(panel.html("en", set)).toContain("The file of Xã An Phú, ");
  });

  it("keeps what was typed in the pane's store when the send fails, and resends it with the same key", async () => {
    const store = memoryStore();
    let online = false;
    const { panel, calls } = panelWith((url, init) => {
      if (init.method !== "POST") return json(200, viewOf("returned_for_explanation"));
      if (!online) throw new TypeError("Failed to fetch");
      return json(200, viewOf("explained"));
    }, store);
    await panel.refresh();
    await typeInto(panel, "1.1.1", "text", "Kế hoạch ban hành ngày 10/01/2024, gửi kèm");
    await typeInto(panel, "1.1.1", "evidence", "Số 12/KH-UBND");
    expect(panel.html("vi", set)).toContain("Kế hoạch ban hành ngày 10/01/2024, gửi kèm");
    const failed = await panel.send("vi", () => "Không kết nối được máy chủ.");
    expect(failed.kind).toBe("error");
    expect(failed.text).toContain("vẫn được giữ trên máy này");
    expect(await store.get("cchc.explanation-draft:2024-commune:xa-an-phu")).toContain("Số 12/KH-UBND");

    // the pane closed and opened again: a new panel reads the draft back
    const again = panelWith((url, init) => {
      if (init.method !== "POST") return json(200, viewOf("returned_for_explanation"));
      return json(200, viewOf("explained"));
    }, store);
    await again.panel.refresh();
    expect(again.panel.html("vi", set)).toContain("Kế hoạch ban hành ngày 10/01/2024, gửi kèm");
    online = true;
    const sent = await again.panel.send("vi", () => "");
    expect(sent).toEqual({ kind: "ok", text: expect.stringContaining("tỉnh sẽ thẩm định lại".replace("tỉnh", "Tỉnh")) });
    const post = again.calls.find((c) => c.init.method === "POST")!;
    expect(post.url).toBe("https://cchc.example.gov.vn/v1/periods/2024-commune/units/xa-an-phu/appraisal/transitions");
    expect(JSON.parse(String(post.init.body))).toEqual({ action: "explain", explanations: [{ code: "1.1.1", text: "Kế hoạch ban hành ngày 10/01/2024, gửi kèm", evidence: "Số 12/KH-UBND" }] });
    const firstKey = (calls.find((c) => c.init.method === "POST")!.init.headers as Record<string, string>)["Idempotency-Key"];
    expect((post.init.headers as Record<string, string>)["Idempotency-Key"]).toBe(firstKey);
    expect(await store.get("cchc.explanation-draft:2024-commune:xa-an-phu")).toBeNull();
    expect(again.panel.html("vi", set)).toContain("Đã gửi giải trình 1 tiêu chí");
  });

  it("sends nothing when nothing was typed, and says so", async () => {
    const { panel, calls } = panelWith(() => json(200, viewOf("returned_for_explanation")));
    await panel.refresh();
    expect((await panel.send("vi", () => "")).text).toContain("Chưa có nội dung giải trình");
    expect(calls.some((c) => c.init.method === "POST")).toBe(false);
  });

  it("says the stage in words while under review, explained and final (with the appraised score), never raw tokens", async () => {
    for (const [status, words] of [
      ["under_review", "đang được tỉnh thẩm định, vòng 1; đơn vị chưa cần làm gì"],
      ["explained", "tỉnh sẽ thẩm định lại"],
      ["final", "kết quả thẩm định cuối cùng; muốn mở lại, liên hệ"],
    ] as const) {
      const { panel } = panelWith(() => json(200, viewOf(status)));
      await panel.refresh();
      const html = panel.html("vi", set);
      expect(html).toContain(words);
      expect(html).not.toContain("explain-form");
      expect(text(html)).not.toMatch(/under_review|returned_for_explanation|\(final\)/);
      expect(text(panel.html("en", set))).not.toMatch(/under_review|returned_for_explanation|\(final\)/);
    }
    const { panel } = panelWith(() => json(200, viewOf("final")));
    await panel.refresh();
    // self 1 + 3 + 3 = 7; appraised 0 + 3 + 1,5 = 4,5 — the set's own arithmetic, decimal comma
    expect(panel.html("vi", set)).toMatch(/Điểm thẩm định phần đơn vị tự đánh giá: 4,5\/[\d,]+ \([\d,]+ %; tự chấm 7\)/);
  });

  it("shows nothing before the unit submitted, and one line when the stage cannot be read", async () => {
    const none = panelWith(() => json(200, viewOf("not_submitted", [])));
    await none.panel.refresh();
    expect(none.panel.html("vi", set)).toBe("");
    const down = panelWith(() => json(500, { error: { code: "INTERNAL", message: "x" } }));
    await down.panel.refresh();
    expect(down.panel.html("vi", set)).toContain("Chưa đọc được trạng thái thẩm định");
  });
});

describe("PANE3-4: the refusal of a new version once the review started, per stage", () => {
  const vi = (label: string) => `Hồ sơ của xa-an-phu kỳ 2024-commune đã vào thẩm định (${label}): không nhận phiên bản mới; nội dung cần bổ sung được gửi qua bước giải trình.`;
  const en = (token: string) => `The review of xa-an-phu for period 2024-commune has started (${token}): no new version is accepted; add what is missing through the explanation step.`;
  it.each([
    ["under_review", "Đang thẩm định"],
    ["returned_for_explanation", "Trả lại để giải trình"],
    ["explained", "Đã giải trình"],
    ["final", "Kết quả cuối cùng"],
  ] as const)("reads %s from the server's sentence in either language", (stage, label) => {
    expect(reviewStartedStage(vi(label))).toBe(stage);
    expect(reviewStartedStage(en(stage))).toBe(stage);
  });

  it("words each stage with names: after final, no explanation step, contact the province", () => {
    const w = REVIEW_STARTED_STRINGS.vi;
    expect(w.under_review("Xã An Phú", "Kỳ 2024")).toContain("chưa cần làm gì");
    expect(w.returned_for_explanation("Xã An Phú", "Kỳ 2024")).toContain("Thẩm định hồ sơ");
    expect(w.final("Xã An Phú", "Kỳ 2024")).toContain("liên hệ cơ quan thường trực");
    expect(w.final("Xã An Phú", "Kỳ 2024")).not.toContain("giải trình");
    expect(REVIEW_STARTED_STRINGS.en.final("Xã An Phú", "Kỳ 2024")).not.toMatch(/explain|\(final\)/);
  });
});

describe("PANE3-4 on the ribbon (no shared runtime): the recorded outcome is worded per stage too", () => {
  it("records the final stage's sentence with names, not the server's raw ids", async () => {
    const { submitOutcomeRecord } = await import("../src/last-outcome.ts");
    const failure = { ok: false as const, kind: "http" as const, status: 409, code: "REVIEW_STARTED", retryable: false, message: "Hồ sơ của xa-an-phu kỳ 2024-commune đã vào thẩm định (Kết quả cuối cùng): không nhận phiên bản mới; nội dung cần bổ sung được gửi qua bước giải trình." };
    const outcome = { kind: "rejected", report: {} as never, failure } as const;
    const record = submitOutcomeRecord(outcome, "vi", new Date(), { unit: "Xã An Phú (Huyện An Bình)", period: "Kỳ đánh giá năm 2024 — cấp xã" });
    expect(record).toMatchObject({ kind: "failed", text: REVIEW_STARTED_STRINGS.vi.final("Xã An Phú (Huyện An Bình)", "Kỳ đánh giá năm 2024 — cấp xã") });
    expect(JSON.stringify(record)).not.toMatch(/xa-an-phu|bước giải trình/);
  });
});
