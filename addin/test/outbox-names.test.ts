import { describe, expect, it } from "vitest";
import { QUEUE_KEY, SubmissionQueue, type QueuedSubmission } from "../src/api/queue.ts";
import { OutboxPanel } from "../src/pane/outbox-panel.ts";
import { DEFAULT_SETTINGS, type AppSettings } from "../src/settings.ts";
import { memoryStore } from "../src/storage.ts";

/**
 * PANE3-5: two rows queued a minute apart differed only by the minute, and a submission the
 * server refused for good was marked by a bare "⚠" with Gửi lại still offered. Rows now name the
 * file and the score; a refused row says why in words and offers only Xóa.
 */
const label = { vi: "Kỳ đánh giá năm 2024 — cấp xã, hạn nộp 31/01/2025", en: "Assessment period 2024 — commune level, due 31/01/2025" };
const settings: AppSettings = { ...DEFAULT_SETTINGS, periodId: "2024-commune", periodLabel: label };
const item = (key: string, over: Partial<QueuedSubmission> = {}): QueuedSubmission => ({ key, server: "", period: "2024-commune", body: "{}", queuedAt: "2026-11-30T10:19:00.000Z", attempts: 1, rejected: null, ...over });
const panelOf = (items: QueuedSubmission[]) => new OutboxPanel(new SubmissionQueue(memoryStore({ [QUEUE_KEY]: JSON.stringify(items) })));

describe("PANE3-5: the outbox names what each row is", () => {
  it("names the file and the score beside the period", async () => {
    const html = await panelOf([item("a", { fileName: "commune-code-in-title.xlsx", percent: 76 }), item("b", { fileName: "ban-sua.xlsx", percent: 66.26 })]).html(settings, "vi");
    expect(html).toContain(`commune-code-in-title.xlsx · 76 % · ${label.vi} — `);
    expect(html).toContain(`ban-sua.xlsx · 66,26 % · ${label.vi} — `);
    expect(await panelOf([item("a", { fileName: "x.xlsx", percent: 66.26 })]).html(settings, "en")).toContain(`x.xlsx · 66.26 % · ${label.en} — `);
  });

  it("a row refused for good says why in words and offers only Xóa; Gửi lại only while something can still be sent", async () => {
    const refused = await panelOf([item("a", { fileName: "commune-code-in-title.xlsx", percent: 76, rejected: "REVIEW_STARTED" })]).html(settings, "vi");
    expect(refused).not.toContain("⚠");
    expect(refused).toContain("Máy chủ không nhận bản nộp này nên sẽ không gửi lại: hồ sơ của đơn vị đã vào thẩm định");
    expect(refused).toContain('data-action="remove-queued"');
    expect(refused).not.toContain('data-action="retry"');
    const deadline = await panelOf([item("a", { rejected: "DEADLINE_PASSED" })]).html(settings, "vi");
    expect(deadline).toContain("Đã quá hạn nộp báo cáo của kỳ này");
    const mixed = await panelOf([item("a", { rejected: "DEADLINE_PASSED" }), item("b")]).html(settings, "vi");
    expect(mixed).toContain('data-action="retry"');
  });
});
