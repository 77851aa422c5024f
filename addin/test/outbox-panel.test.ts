import { describe, expect, it } from "vitest";
import { QUEUE_KEY, SubmissionQueue, type QueuedSubmission } from "../src/api/queue.ts";
import { OutboxPanel } from "../src/pane/outbox-panel.ts";
import { DEFAULT_SETTINGS, type AppSettings } from "../src/settings.ts";
import { memoryStore } from "../src/storage.ts";

/** The outbox in the pane: rows named as people name the period, and a removal that is asked first. */
const label = { vi: "Kỳ đánh giá năm 2024 — cấp xã, hạn nộp 31/01/2025", en: "Assessment period 2024 — commune level, due 31/01/2025" };
const settings: AppSettings = { ...DEFAULT_SETTINGS, periodId: "2024-commune", periodLabel: label };
const item = (key: string, over: Partial<QueuedSubmission> = {}): QueuedSubmission => ({ key, server: "", period: "2024-commune", body: "{}", queuedAt: "2026-11-30T04:08:00.000Z", attempts: 1, rejected: null, ...over });

async function outbox(items: QueuedSubmission[]) {
  const queue = new SubmissionQueue(memoryStore({ [QUEUE_KEY]: JSON.stringify(items) }));
  return { queue, panel: new OutboxPanel(queue) };
}

describe("the outbox", () => {
  it("names a row by the period's label, never its id", async () => {
    const other = { vi: "Kỳ đánh giá năm 2023 — cấp xã", en: "Assessment period 2023 — commune level" };
    const { panel } = await outbox([item("a"), item("b", { period: "2023-commune", periodLabel: other })]);
    const html = await panel.html(settings, "vi");
    expect(html).toContain(`${label.vi} — `);
    expect(html).toContain(`${other.vi} — `);
    expect(html).not.toContain("2024-commune —");
    expect(await panel.html(settings, "en")).toContain(`${label.en} — `);
  });

  it("asks before removing a submission (it discards the unit's work), and removes it only when confirmed", async () => {
    const { queue, panel } = await outbox([item("a"), item("b")]);
    expect(await panel.onClick("remove-queued", "a")).toBe(true);
    expect((await queue.list()).map((q) => q.key)).toEqual(["a", "b"]); // nothing removed yet
    const asking = await panel.html(settings, "vi");
    expect(asking).toContain("Xóa bản nộp này khỏi máy? Bản nộp chưa đến máy chủ; xóa rồi phải nộp lại từ bảng tính.");
    expect(asking).toContain('data-action="remove-queued-confirm" size="small" data-key="a"');
    expect(asking.match(/data-testid="remove-confirm"/g)).toHaveLength(1); // only the row asked about

    await panel.onClick("remove-queued-cancel", "a");
    expect((await queue.list()).map((q) => q.key)).toEqual(["a", "b"]);
    expect(await panel.html(settings, "vi")).not.toContain("remove-confirm");

    await panel.onClick("remove-queued", "b");
    await panel.onClick("remove-queued-confirm", "b");
    expect((await queue.list()).map((q) => q.key)).toEqual(["a"]);
    expect(await panel.html(settings, "vi")).not.toContain("remove-confirm");
  });

  it("leaves other actions to the pane", async () => {
    const { panel } = await outbox([item("a")]);
    expect(await panel.onClick("retry", undefined)).toBe(false);
  });
});
