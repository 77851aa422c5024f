import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import { ApiClient } from "../src/api/client.ts";
import { Deadline } from "../src/api/deadline.ts";
import { flushQueue, SubmissionQueue } from "../src/api/queue.ts";
import { FileHost } from "../src/web/file-host.ts";
import { describeApiFailure } from "../src/i18n-runtime.ts";
import { describeLastOutcome, submitOutcomeRecord } from "../src/last-outcome.ts";
import { memoryStore } from "../src/storage.ts";
import { submitWorkbook } from "../src/submit.ts";
import { loadFixtureSet } from "./fake-worker.ts";
import { silent } from "./silent-server.ts";

/** Issue 14 items 11 and 12: a capped outbox that refuses rather than loses, and requests that cannot stall a ribbon command. */
const province = loadFixtureSet("fixtures/criteria/demo-province-2024.json");
const workbook = () => {
  const r = readWorkbookBytes(new Uint8Array(readFileSync("fixtures/workbooks/province-clean.xlsx")));
  if (!r.ok) throw new Error(r.message);
  return new FileHost(r.grid);
};
const item = (key: string, size = 10) => ({ key, server: "", period: "p", body: "x".repeat(size) });

const offline: typeof fetch = async () => Promise.reject(new TypeError("Failed to fetch"));

describe("the outbox's bounds", () => {
  it("takes at most so many submissions, and keeps every one it took", async () => {
    const queue = new SubmissionQueue(memoryStore(), { items: 2, chars: 1_000_000 });
    expect(await queue.add(item("a"))).toEqual({ ok: true });
    expect(await queue.add(item("b"))).toEqual({ ok: true });
    expect(await queue.add(item("c"))).toEqual({ ok: false, reason: "outbox-full" });
    expect(await queue.add(item("a"))).toEqual({ ok: true }); // the same key again replaces, it does not grow
    expect((await queue.list()).map((q) => q.key)).toEqual(["b", "a"]);
  });

  it("takes at most so many characters", async () => {
    const queue = new SubmissionQueue(memoryStore(), { items: 20, chars: 1_000 });
    expect(await queue.add(item("a", 600))).toEqual({ ok: true });
    expect(await queue.add(item("b", 600))).toEqual({ ok: false, reason: "outbox-full" });
    expect((await queue.list()).map((q) => q.key)).toEqual(["a"]);
  });

  it("a submission that can be neither sent nor queued is 'unsent', and the user reads that nothing was sent", async () => {
    const queue = new SubmissionQueue(memoryStore(), { items: 1, chars: 10_000_000 });
    await queue.add(item("older"));
    const outcome = await submitWorkbook({ host: workbook(), set: province, period: "p", locale: "vi", accepted: [], client: new ApiClient("http://x", "t", offline), queue, newKey: () => "k" });
    expect(outcome).toMatchObject({ kind: "unsent", reason: "outbox-full" });
    expect((await queue.list()).map((q) => q.key)).toEqual(["older"]);
    const shown = describeLastOutcome(submitOutcomeRecord(outcome, "vi"), "vi");
    expect(shown.tone).toBe("error");
    expect(shown.text).toMatch(/Không kết nối được máy chủ.*Hàng đợi gửi lại đã đầy \(tối đa 20 báo cáo, 2 MB\): báo cáo này CHƯA được gửi/);
  });
});

describe("request timeouts", () => {
  it("a server that never answers ends as a TIMEOUT worth retrying, in plain words", async () => {
    const client = new ApiClient("http://x", "t", silent, { timeoutMs: { read: 20, submit: 20 } });
    const r = await client.periods();
    expect(r).toMatchObject({ ok: false, kind: "offline", code: "TIMEOUT", retryable: true });
    if (!r.ok) expect(describeApiFailure(r, "vi")).toBe("Máy chủ không trả lời kịp (mạng chậm hoặc máy chủ quá tải).");
  });

  it("a timed-out submission is queued with its key, so its retry cannot make a second version", async () => {
    const queue = new SubmissionQueue(memoryStore());
    const client = new ApiClient("http://x", "t", silent, { timeoutMs: { read: 60_000, submit: 20 } });
    const outcome = await submitWorkbook({ host: workbook(), set: province, period: "p", locale: "vi", accepted: [], client, queue, newKey: () => "key-1" });
    expect(outcome).toMatchObject({ kind: "queued", key: "key-1", failure: { code: "TIMEOUT" } });
    expect((await queue.list()).map((q) => q.key)).toEqual(["key-1"]);
  });

  it("the command's deadline cuts a request that its own timeout would still allow, and stops emptying the outbox", async () => {
    const deadline = new Deadline(20);
    try {
      const client = new ApiClient("http://x", "t", silent, { deadline: deadline.signal });
      expect(await client.periods()).toMatchObject({ ok: false, code: "TIMEOUT" });
      expect(deadline.passed).toBe(true);
      const queue = new SubmissionQueue(memoryStore());
      await queue.add(item("waiting"));
      let sent = 0;
      const r = await flushQueue(queue, () => new ApiClient("http://x", "t", async () => (sent++, new Response("{}", { status: 503 }))), deadline);
      expect(r).toEqual({ delivered: [], failed: [] });
      expect(sent).toBe(0);
      expect((await queue.list()).map((q) => q.key)).toEqual(["waiting"]);
    } finally {
      deadline.dispose();
    }
  });

  it("a GET whose answer never begins is asked once more, and the second answer is the result", async () => {
    const asked: string[] = [];
    const droppedOnce: typeof fetch = async (input, init) => {
      asked.push(String(input));
      if (asked.length === 1) return silent(input, init);
      return new Response(JSON.stringify({ items: [] }), { status: 200, headers: { "Content-Type": "application/json" } });
    };
    const client = new ApiClient("http://x", "t", droppedOnce, { answerStartMs: 20 });
    expect(await client.periods()).toEqual({ ok: true, value: [] });
    expect(asked).toEqual(["http://x/v1/periods?limit=200", "http://x/v1/periods?limit=200"]);
  });

  it("an answer that began is never cut and asked again, however long its body takes; a GET asked twice unanswered ends as the TIMEOUT", async () => {
    let asked = 0;
    const slowBody: typeof fetch = async () => {
      asked++;
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          await new Promise((r) => setTimeout(r, 80));
          controller.enqueue(new TextEncoder().encode(JSON.stringify({ items: [] })));
          controller.close();
        },
      });
      return new Response(body, { status: 200 });
    };
    expect(await new ApiClient("http://x", "t", slowBody, { answerStartMs: 20 }).periods()).toEqual({ ok: true, value: [] });
    expect(asked).toBe(1);

    let silentAsked = 0;
    const counted: typeof fetch = (input, init) => (silentAsked++, silent(input, init));
    const r = await new ApiClient("http://x", "t", counted, { answerStartMs: 20, timeoutMs: { read: 200, submit: 200 } }).periods();
    expect(r).toMatchObject({ ok: false, code: "TIMEOUT" });
    expect(silentAsked).toBe(2);
  });

  it("a submission is never asked again by the client: its retry is the outbox's, with its key", async () => {
    let asked = 0;
    const counted: typeof fetch = (input, init) => (asked++, silent(input, init));
    const r = await new ApiClient("http://x", "t", counted, { answerStartMs: 10, timeoutMs: { read: 100, submit: 100 } }).submit("{}", "key-1");
    expect(r).toMatchObject({ ok: false, code: "TIMEOUT", retryable: true });
    expect(asked).toBe(1);
  });
});
