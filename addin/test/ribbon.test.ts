import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { Report } from "../../shared/index.ts";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import { QUEUE_KEY } from "../src/api/queue.ts";
import { associateRibbon, paneRunner, RIBBON_FUNCTIONS, type RibbonRunner } from "../src/commands.ts";
import { rememberCriteriaSet } from "../src/criteria.ts";
import { FileHost } from "../src/web/file-host.ts";
import { describeLastOutcome, readLastOutcome } from "../src/last-outcome.ts";
import type { PaneApp } from "../src/pane/app.ts";
import { standaloneRunner } from "../src/ribbon-standalone.ts";
import { DEFAULT_SETTINGS, saveSettings, TOKEN_KEY } from "../src/settings.ts";
import { memoryStore, StorageFullError, type KeyValueStore } from "../src/storage.ts";
import { loadFixtureSet, startFakeWorker, type FakeWorker } from "./fake-worker.ts";
import { silent } from "./silent-server.ts";

/** The CCHC tab's buttons (issue 14 items 10 and 12): with a shared runtime they drive the pane; without, they work alone and always leave an outcome. */
const province = loadFixtureSet("fixtures/criteria/demo-province-2024.json");
const grid = () => {
  const r = readWorkbookBytes(new Uint8Array(readFileSync("fixtures/workbooks/province-clean.xlsx")));
  if (!r.ok) throw new Error(r.message);
  return r.grid;
};

let worker: FakeWorker | null = null;
afterEach(async () => {
  await worker?.close();
  worker = null;
  delete (globalThis as { Office?: unknown }).Office;
  delete (globalThis as { parindexRibbonTakeover?: unknown }).parindexRibbonTakeover;
});

async function signedIn(server: string): Promise<KeyValueStore> {
  const store = memoryStore();
  await saveSettings(store, { ...DEFAULT_SETTINGS, server, periodId: province.id, criteriaSetId: province.id, criteriaSetVersion: 1, locale: "vi" });
  await store.set(TOKEN_KEY, "demo-unit");
  await rememberCriteriaSet(store, province, 1);
  return store;
}

/** The workbook as the function file sees it, with a log of what was asked in which order. */
class LoggingHost extends FileHost {
  readonly log: string[] = [];
  failWrites = false;
  override async readGrid(...args: Parameters<FileHost["readGrid"]>) {
    this.log.push("read");
    return super.readGrid(...args);
  }
  override async getDocumentSetting(key: string) {
    this.log.push("document-setting");
    return super.getDocumentSetting(key);
  }
  override async writeResultSheet(report: Report, locale: "vi" | "en") {
    this.log.push("write-sheet");
    if (this.failWrites) throw Object.assign(new Error("renamed meanwhile"), { name: "RichApi.Error", code: "ItemNotFound", debugInfo: {} }); // as office.js raises it
    return super.writeResultSheet(report, locale);
  }
}

describe("the ribbon without a shared runtime", () => {
  it("records a submission the server took as submitted, even when the result sheet then cannot be written", async () => {
    worker = await startFakeWorker({ set: province });
    const store = await signedIn(worker.url);
    const host = new LoggingHost(grid());
    host.failWrites = true;
    await standaloneRunner({ store, host, refreshDocumentSettings: async () => void host.log.push("refresh") })("submit");
    const outcome = (await readLastOutcome(store))!;
    expect(outcome).toMatchObject({ kind: "submitted", version: 1 });
    expect(describeLastOutcome(outcome, "vi").text).toMatch(/^Đã nộp\. .*Chưa ghi được trang "Kết quả kiểm tra": Không tìm thấy trang tính/);
    expect(worker.created()).toBe(1);
    // Fresh document settings before the workbook is read; the sheet only after the outcome is safe.
    expect(host.log.indexOf("refresh")).toBeLessThan(host.log.indexOf("document-setting"));
    expect(host.log.at(-1)).toBe("write-sheet");
  });

  it("stops within the command's deadline when the server never answers, queues the submission and says so", async () => {
    const store = await signedIn("http://x");
    await standaloneRunner({ store, host: new LoggingHost(grid()), refreshDocumentSettings: async () => {}, fetchImpl: silent, budgetMs: 30 })("submit");
    const outcome = (await readLastOutcome(store))!;
    expect(outcome).toMatchObject({ kind: "queued", command: "submit" });
    expect(describeLastOutcome(outcome, "vi").text).toBe("Chưa nhận được xác nhận của máy chủ (máy chủ không trả lời kịp). Bản nộp đã được giữ trên máy này; bấm Gửi lại sau ít phút — gửi lại không tạo thêm phiên bản.");
    expect(JSON.parse((await store.get(QUEUE_KEY))!)).toHaveLength(1);
  });

  it("checks and writes the result sheet, and says where to change settings", async () => {
    const store = await signedIn("");
    const host = new LoggingHost(grid());
    const run = standaloneRunner({ store, host, refreshDocumentSettings: async () => {} });
    await run("check");
    expect(host.ownSheets.has("Kết quả kiểm tra")).toBe(true);
    expect((await readLastOutcome(store))!).toMatchObject({ kind: "done", command: "check", text: expect.stringMatching(/^Đã kiểm tra: chỉ số [\d,]+ %, 0 lỗi/) });
    await run("settings");
    expect((await readLastOutcome(store))!).toMatchObject({ kind: "failed", command: "settings", text: expect.stringContaining("Trang đầu › Bổ trợ") });
  });
});

describe("associating the ribbon's functions", () => {
  function officeStub() {
    const handlers = new Map<string, (event: { completed: () => void }) => Promise<void>>();
    (globalThis as { Office?: unknown }).Office = { actions: { associate: (name: string, fn: (event: { completed: () => void }) => Promise<void>) => handlers.set(name, fn) } };
    return handlers;
  }

  it("associates exactly the manifest's functions and completes every event, also when the command throws", async () => {
    const handlers = officeStub();
    const store = memoryStore();
    const ran: string[] = [];
    const run: RibbonRunner = async (command) => {
      ran.push(command);
      if (command === "consolidate") throw new StorageFullError("parindex.outbox");
    };
    associateRibbon(run, store);
    expect([...handlers.keys()].sort()).toEqual(Object.keys(RIBBON_FUNCTIONS).sort());
    let completed = 0;
    for (const name of Object.keys(RIBBON_FUNCTIONS)) await handlers.get(name)!({ completed: () => void completed++ });
    expect(completed).toBe(4);
    expect(ran).toEqual(["check", "submit", "consolidate", "settings"]);
    expect((await readLastOutcome(store))!).toMatchObject({ kind: "failed", command: "consolidate", text: expect.stringMatching(/^Bộ nhớ của add-in trong trình duyệt đã đầy/) });
  });

  it("runs the clicks taskpane.html's stand-ins took before the module ran, once each", async () => {
    const handlers = officeStub();
    const ran: string[] = [];
    let completed = 0;
    const event = { completed: () => void completed++ } as unknown as Office.AddinCommands.Event;
    const waiting = [{ name: "pullConsolidated", event }, { name: "checkWorkbook", event }];
    (globalThis as { parindexEarlyClicks?: unknown }).parindexEarlyClicks = waiting;
    try {
      associateRibbon(async (command) => void ran.push(command), memoryStore());
      await expect.poll(() => completed).toBe(2);
      expect(ran).toEqual(["consolidate", "check"]);
      // Taken over: the queue is empty, and the next click goes to the real function.
      expect(waiting).toEqual([]);
      await handlers.get("pullConsolidated")!({ completed: () => void completed++ });
      expect(ran).toEqual(["consolidate", "check", "consolidate"]);
    } finally {
      delete (globalThis as { parindexEarlyClicks?: unknown }).parindexEarlyClicks;
    }
  });

  it("taskpane.html's own stand-ins: a click office.js looked up before the take-over and calls after it runs once, as one queued before it", async () => {
    // office.js looks a click's function up when the click arrives and calls it a task later
    // (AppCommandManager._processAppCommandInvocation: setTimeout 0), so the module may take
    // over in between; that click would sit in the emptied queue for good.
    const associated = officeStub();
    const html = readFileSync("addin/taskpane.html", "utf8");
    const standIns = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)][0]![1]!;
    const page = globalThis as { parindexEarlyClicks?: unknown[] };
    try {
      new Function("window", "Office", standIns)(globalThis, (globalThis as { Office?: unknown }).Office);
      let completed = 0;
      const event = { completed: () => void completed++ };
      void associated.get("checkWorkbook")!(event); // before the module ran: queued
      expect(page.parindexEarlyClicks).toHaveLength(1);
      const lookedUp = associated.get("pullConsolidated")!; // a click arrives: its stand-in looked up…
      const ran: string[] = [];
      associateRibbon(async (command) => void ran.push(command), memoryStore()); // …the module takes over…
      void lookedUp(event); // …and office.js calls the stand-in a task later
      await expect.poll(() => completed).toBe(2);
      expect(ran.sort()).toEqual(["check", "consolidate"]);
      expect(page.parindexEarlyClicks).toEqual([]);
    } finally {
      delete page.parindexEarlyClicks;
    }
  });

  it("under a shared runtime shows the pane, then runs the action in the pane that is open", async () => {
    const calls: string[] = [];
    const app = {
      check: async () => void calls.push("check"),
      submit: async () => void calls.push("submit"),
      consolidate: async () => void calls.push("consolidate"),
      showSettings: async () => void calls.push("settings"),
    } as unknown as PaneApp;
    const run = paneRunner(app, Promise.resolve(), async () => void calls.push("show"));
    for (const command of ["check", "settings", "submit", "consolidate"] as const) await run(command);
    expect(calls).toEqual(["show", "check", "show", "settings", "show", "submit", "show", "consolidate"]);
  });

  it("releases the button at once under a shared runtime, though showAsTaskpane resolves only after event.completed() (office-js#3250, #2877)", async () => {
    const handlers = officeStub();
    const calls: string[] = [];
    let completed = false;
    // As on Windows and Mac: the pane is shown only once the command has completed.
    const showPane = () =>
      new Promise<void>((resolve) => {
        const wait = () => (completed ? resolve() : setTimeout(wait, 1));
        wait();
      }).then(() => void calls.push("shown"));
    const app = { check: async () => void calls.push("check") } as unknown as PaneApp;
    associateRibbon(paneRunner(app, Promise.resolve(), showPane), memoryStore());
    const clicked = handlers.get("checkWorkbook")!({ completed: () => void (completed = true) });
    await expect.poll(() => completed, { timeout: 500 }).toBe(true);
    await clicked;
    await expect.poll(() => calls).toEqual(["check", "shown"]);
  });

  it("on a cold runtime, a click waits for the pane's start (settings, token, criteria set) before the action, without holding the button", async () => {
    const handlers = officeStub();
    const calls: string[] = [];
    let finishStart: () => void = () => {};
    const started = new Promise<void>((resolve) => (finishStart = resolve)).then(() => void calls.push("started"));
    const app = { check: async () => void calls.push("check") } as unknown as PaneApp;
    associateRibbon(paneRunner(app, started, async () => void calls.push("show")), memoryStore());
    let completed = 0;
    await handlers.get("checkWorkbook")!({ completed: () => void completed++ });
    expect(completed).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toEqual(["show"]);
    finishStart();
    await expect.poll(() => calls).toEqual(["show", "started", "check"]);
  });

  it("a start that failed does not swallow the click: the action still runs and reports in the pane", async () => {
    const calls: string[] = [];
    const app = { check: async () => void calls.push("check") } as unknown as PaneApp;
    await paneRunner(app, Promise.reject(new Error("storage refused")), async () => {})("check");
    await expect.poll(() => calls).toEqual(["check"]);
  });

  it("under a shared runtime, a pane that cannot be shown does not stop the action", async () => {
    const calls: string[] = [];
    const app = { check: async () => void calls.push("check") } as unknown as PaneApp;
    await paneRunner(app, Promise.resolve(), () => Promise.reject(new Error("no pane")))("check");
    await expect.poll(() => calls).toEqual(["check"]);
  });
});
