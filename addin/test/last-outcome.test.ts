import { describe, expect, it } from "vitest";
import type { Report } from "../../shared/index.ts";
import { describeLastOutcome, LAST_OUTCOME_KEY, readLastOutcome, rememberOutcome, submitOutcomeRecord } from "../src/last-outcome.ts";
import { formatStamp } from "../src/format.ts";
import { memoryStore } from "../src/storage.ts";

const report = { percent: 85.5, band: "Khá" } as Report;
const at = new Date("2024-12-20T03:15:00Z");

describe("the ribbon's last outcome", () => {
  it("keeps the server's score, band and version, worded in the pane's current language", async () => {
    const store = memoryStore();
    await rememberOutcome(store, submitOutcomeRecord({ kind: "submitted", report, created: { id: "s", version: 3, unit: "u", period: "p", report } }, "vi", at));
    const o = (await readLastOutcome(store))!;
    expect(describeLastOutcome(o, "vi")).toMatchObject({ tone: "ok", text: "Đã nộp. Máy chủ chấm 85,5 %, phiên bản 3. — Xếp loại: Khá", when: formatStamp(at) });
    expect(describeLastOutcome(o, "en").text).toBe("Submitted. The server scored 85.5 %, version 3. — Band: Khá");
  });

  it("keeps the plain-language reason of a queued or refused submission", () => {
    const offline = { ok: false as const, kind: "offline" as const, status: null, code: "OFFLINE", retryable: true };
    const queued = submitOutcomeRecord({ kind: "queued", report, key: "k", failure: offline }, "vi", at);
    // Not "not sent" (the server may have stored it and only the answer was lost), and no jargon about keys.
    expect(describeLastOutcome(queued, "vi")).toMatchObject({
      tone: "info",
      text: "Chưa nhận được xác nhận của máy chủ (mạng chập chờn). Bản nộp đã được giữ trên máy này; bấm Gửi lại khi có mạng — gửi lại không tạo thêm phiên bản.",
    });
    const timedOut = submitOutcomeRecord({ kind: "queued", report, key: "k", failure: { ...offline, code: "TIMEOUT" } }, "en", at);
    expect(describeLastOutcome(timedOut, "en").text).toBe("The server has not confirmed it yet (it did not answer in time). The submission is kept on this computer; press Retry in a few minutes — retrying never makes another version.");
    const down = submitOutcomeRecord({ kind: "queued", report, key: "k", failure: { ...offline, kind: "http", status: 503, code: "UNAVAILABLE" } }, "vi", at);
    expect(describeLastOutcome(down, "vi").text).toBe("Chưa nhận được xác nhận của máy chủ (máy chủ đang gặp sự cố). Bản nộp đã được giữ trên máy này; bấm Gửi lại sau ít phút — gửi lại không tạo thêm phiên bản.");
    for (const o of [queued, timedOut, down]) expect(describeLastOutcome(o, "vi").text).not.toMatch(/Chưa gửi được|khóa|key/);
    const late = submitOutcomeRecord({ kind: "rejected", report, failure: { ...offline, kind: "http", status: 409, code: "DEADLINE_PASSED", retryable: false } }, "vi", at);
    expect(describeLastOutcome(late, "vi")).toMatchObject({ tone: "error", text: expect.stringContaining("quá hạn nộp") });
    expect(describeLastOutcome(late, "vi").text).not.toMatch(/409|DEADLINE/);
  });

  it("ignores what it cannot read (an older format, broken JSON)", async () => {
    expect(await readLastOutcome(memoryStore({ [LAST_OUTCOME_KEY]: JSON.stringify({ at: "x", text: "old" }) }))).toBeNull();
    expect(await readLastOutcome(memoryStore({ [LAST_OUTCOME_KEY]: "{" }))).toBeNull();
    expect(await readLastOutcome(memoryStore())).toBeNull();
  });
});
