import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import type { Grid } from "../../shared/index.ts";
import { ApiClient } from "../src/api/client.ts";
import { flushQueue, SubmissionQueue } from "../src/api/queue.ts";
import { describeFailure } from "../src/errors.ts";
import { FileHost } from "../src/web/file-host.ts";
import { memoryStore } from "../src/storage.ts";
import { SentLog } from "../src/sent-log.ts";
import { FakeStorage } from "./fake-storage.ts";
import { submitWorkbook, type SubmitDeps } from "../src/submit.ts";
import { loadFixtureSet, startFakeWorker, type FakeWorker } from "./fake-worker.ts";

const grid = (file: string): Grid => {
  const r = readWorkbookBytes(new Uint8Array(readFileSync(`fixtures/workbooks/${file}`)));
  if (!r.ok) throw new Error(r.message);
  return r.grid;
};
const province = loadFixtureSet("fixtures/criteria/demo-province-2024.json");
const commune = loadFixtureSet("fixtures/criteria/demo-commune-2024.json");
let worker: FakeWorker | null = null;
afterEach(async () => {
  await worker?.close();
  worker = null;
});

function deps(over: Partial<SubmitDeps> & Pick<SubmitDeps, "host" | "client">): SubmitDeps {
  return { set: province, period: "demo-province-2024", locale: "vi", accepted: [], queue: new SubmissionQueue(memoryStore()), newKey: () => "key-1", ...over };
}

describe("submitWorkbook", () => {
  it("blocks on errors and says which", async () => {
    const outcome = await submitWorkbook(deps({ host: new FileHost(grid("commune-score-errors.xlsx")), set: commune, client: new ApiClient("http://127.0.0.1:9", "demo-unit") }));
    expect(outcome.kind).toBe("blocked");
    if (outcome.kind === "blocked") expect(outcome.errors.map((e) => e.code)).toContain("SCORE_OVER_MAX");
  });

  it("sends once with an idempotency key and returns the server's score and version", async () => {
    worker = await startFakeWorker({ set: province });
    const host = new FileHost(grid("province-old-template.xlsx"));
    const before = await submitWorkbook(deps({ host, client: new ApiClient("http://127.0.0.1:9", "x"), queue: new SubmissionQueue(memoryStore()) }));
    const warning = before.report.findings.find((f) => f.code === "MAX_MISMATCH")!;
    const accepted = [
      { code: warning.code, criterion: warning.criterion!, cell: warning.cell!, reason: "Biểu mẫu năm 2023 vẫn được UBND tỉnh cho dùng" },
      { code: "SUM_MISMATCH", criterion: "9.9", reason: "no longer present" },
    ];
    const outcome = await submitWorkbook(deps({ host, client: new ApiClient(worker.url, "demo-unit"), accepted }));
    expect(outcome.kind).toBe("submitted");
    if (outcome.kind !== "submitted") return;
    expect(outcome.created.version).toBe(1);
    expect(outcome.created.report.percent).toBe(outcome.report.percent);
    expect(worker.posts.map((p) => p.key)).toEqual(["key-1"]);
    const sent = JSON.parse(worker.posts[0]!.body) as { grid: Grid; clientReport: unknown; acceptedWarnings: unknown[] };
    expect(sent.acceptedWarnings).toEqual([accepted[0]]);
    expect(sent.grid.sheets.map((s) => s.name)).toEqual(outcome.report.sheets);
  });

  it("queues when offline, then delivers once with the same key and body", async () => {
    const queue = new SubmissionQueue(memoryStore());
    worker = await startFakeWorker({ set: province });
    const url = worker.url;
    await worker.close();
    const outcome = await submitWorkbook(deps({ host: new FileHost(grid("province-clean.xlsx")), client: new ApiClient(url, "demo-unit"), queue }));
    expect(outcome.kind).toBe("queued");
    if (outcome.kind === "queued") expect(describeFailure(outcome.failure, "vi")).toMatch(/Không kết nối được máy chủ/);
    const [queued] = await queue.list();
    expect(queued!.key).toBe("key-1");

    worker = await startFakeWorker({ set: province, port: Number(new URL(url).port) });
    const first = await flushQueue(queue, (server) => new ApiClient(server, "demo-unit"));
    const again = await flushQueue(queue, (server) => new ApiClient(server, "demo-unit"));
    expect(first.delivered).toHaveLength(1);
    expect(again.delivered).toHaveLength(0);
    expect(await queue.list()).toEqual([]);
    expect(worker.posts).toEqual([{ key: "key-1", body: queued!.body }]);
    expect(worker.created()).toBe(1);
  });

  it("a server error queues; a 401 is refused with plain words and not queued", async () => {
    worker = await startFakeWorker({ set: province, tokens: {} });
    const queue = new SubmissionQueue(memoryStore());
    const outcome = await submitWorkbook(deps({ host: new FileHost(grid("province-clean.xlsx")), client: new ApiClient(worker.url, "wrong"), queue }));
    expect(outcome.kind).toBe("rejected");
    if (outcome.kind === "rejected") {
      expect(describeFailure(outcome.failure, "vi")).toBe("Mã truy cập không đúng hoặc đã bị thu hồi: kiểm tra lại trong Cài đặt.");
      expect(describeFailure(outcome.failure, "vi")).not.toMatch(/401|UNAUTHORIZED/);
    }
    expect(await queue.list()).toEqual([]);
    const failing = new ApiClient("http://x", "t", async () => new Response(JSON.stringify({ error: { code: "INTERNAL", message: "boom" } }), { status: 503 }));
    const queued = await submitWorkbook(deps({ host: new FileHost(grid("province-clean.xlsx")), client: failing, queue }));
    expect(queued.kind).toBe("queued");
  });

  it("a key reused with another body is marked rejected in the queue, not retried forever", async () => {
    worker = await startFakeWorker({ set: province });
    const client = new ApiClient(worker.url, "demo-unit");
    await client.submit(JSON.stringify({ period: "p", grid: { sheets: [] } }), "same");
    const queue = new SubmissionQueue(memoryStore());
    await queue.add({ key: "same", server: worker.url, period: "p", body: JSON.stringify({ period: "p", grid: { sheets: [{ name: "x", rows: [] }] } }) });
    const r = await flushQueue(queue, () => client);
    expect(r.failed[0]!.failure.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect((await queue.list())[0]!.rejected).toBe("IDEMPOTENCY_KEY_REUSED");
    expect((await flushQueue(queue, () => client)).failed).toHaveLength(0);
  });
});

describe("submitting the same unchanged workbook again", () => {
  it("is not sent until the user says so: the outcome names the version sent and when; another workbook goes at once", async () => {
    worker = await startFakeWorker({ set: province });
    const store = memoryStore();
    const sent = new SentLog(store);
    const client = new ApiClient(worker.url, "demo-unit");
    const host = new FileHost(grid("province-clean.xlsx"));
    let n = 0;
    const send = (over: Partial<SubmitDeps> = {}) => submitWorkbook(deps({ host, client, sent, newKey: () => `key-${++n}`, ...over }));

    const first = await send();
    expect(first).toMatchObject({ kind: "submitted", created: { version: 1 } });
    const again = await send();
    expect(again).toMatchObject({ kind: "already-sent", last: { version: 1, at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) } });
    expect(worker.posts).toHaveLength(1); // nothing sent
    // The same cells from another file name (the same workbook saved again) are the same workbook.
    expect(await send({ host: new FileHost(grid("province-clean.xlsx"), { persist: { fileName: "ban-sao.xlsx", storage: new FakeStorage() } }) })).toMatchObject({ kind: "already-sent" });

    expect(await send({ resend: true })).toMatchObject({ kind: "submitted", created: { version: 2 } });
    expect(await send()).toMatchObject({ kind: "already-sent", last: { version: 2 } });
    // Another period, or a changed workbook: no question.
    expect(await send({ period: "another-period" })).not.toMatchObject({ kind: "already-sent" });
    expect(await send({ host: new FileHost(grid("province-old-template.xlsx")) })).toMatchObject({ kind: "submitted" });
  });

  it("a queued submission counts once it is delivered; the outbox keeps the period's label", async () => {
    const store = memoryStore();
    const sent = new SentLog(store);
    const queue = new SubmissionQueue(store);
    worker = await startFakeWorker({ set: province });
    const url = worker.url;
    await worker.close();
    const host = new FileHost(grid("province-clean.xlsx"));
    const periodLabel = { vi: "Kỳ đánh giá năm 2024 — cấp tỉnh", en: "Assessment period 2024 — province level" };
    expect(await submitWorkbook(deps({ host, client: new ApiClient(url, "demo-unit"), queue, sent, periodLabel }))).toMatchObject({ kind: "queued" });
    expect((await queue.list())[0]).toMatchObject({ periodLabel, gridHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    worker = await startFakeWorker({ set: province, port: Number(new URL(url).port) });
    expect((await flushQueue(queue, (server) => new ApiClient(server, "demo-unit"), undefined, sent)).delivered).toHaveLength(1);
    expect(await submitWorkbook(deps({ host, client: new ApiClient(url, "demo-unit"), queue, sent }))).toMatchObject({ kind: "already-sent", last: { version: 1 } });
  });
});

describe("ApiClient.ranking", () => {
  it("says clearly when the server lacks the ranking route, and when the token is not a reviewer's", async () => {
    worker = await startFakeWorker({ set: province });
    const missing = await new ApiClient(worker.url, "demo-reviewer").ranking("demo-province-2024");
    expect(!missing.ok && missing.code).toBe("RANKING_UNSUPPORTED");
    if (!missing.ok) expect(describeFailure(missing, "vi")).toBe("Máy chủ này chưa có chức năng tổng hợp xếp hạng.");
    const forbidden = await new ApiClient(worker.url, "demo-unit").ranking("demo-province-2024");
    expect(!forbidden.ok && forbidden.status).toBe(403);
  });

  it("starts the pull again once when the ranking changed between two pages (409 RANKING_CHANGED), not twice", async () => {
    const entry = (unit: string, rank: number) => ({ rank, unit, unitName: unit, percent: 90 - rank, band: null, fields: {}, change: null, submitted: true, onTime: true });
    const head = { period: "p", year: 2024, fields: [] };
    const changed = { error: { code: "RANKING_CHANGED", message: "Bảng xếp hạng đã thay đổi… / the ranking changed…" } };
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
    const serve = (changes: number) => {
      const asked: string[] = [];
      let left = changes;
      const fetchImpl = async (input: RequestInfo | URL) => {
        const url = new URL(String(input));
        asked.push(url.search);
        if (!url.searchParams.has("cursor")) return json(200, { ...head, items: [entry("a", 1)], nextCursor: "a@1@m" });
        if (left > 0) return left--, json(409, changed);
        return json(200, { ...head, items: [entry("b", 2)], nextCursor: null });
      };
      return { asked, client: new ApiClient("https://x.test", "t", fetchImpl as typeof fetch) };
    };
    const once = serve(1);
    const r = await once.client.ranking("p");
    expect(r.ok && r.value.items.map((i) => i.unit)).toEqual(["a", "b"]);
    expect(once.asked).toEqual(["", "?cursor=a%401%40m", "", "?cursor=a%401%40m"]);
    const twice = serve(2);
    const failed = await twice.client.ranking("p");
    expect(!failed.ok && [failed.status, failed.code]).toEqual([409, "RANKING_CHANGED"]);
    expect(twice.asked).toHaveLength(4);
  });
});
