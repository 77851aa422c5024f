import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { isConnectionReset } from "./asked-again.ts";
import { isClosingError, routeOffice } from "./fake-excel-web.ts";
import { sharedBrowser } from "./pane-session.ts";

/**
 * The stand-in for Excel on the web forwards the deployment's origin to a local server. A test
 * that has its answer closes its browser context while the pane may still be fetching; the
 * forwarded request then finds its response disposed. CI once failed a whole green run on that
 * unhandled rejection (boot.e2e, "where the browser blocks the add-in's storage"): the router
 * must treat a closed context as the end of the request, not as an error.
 */
const ORIGIN = "https://cchc.example.gov.vn";
let browser: Browser;
let server: Server;
let release: () => void = () => {};
let arrived: () => void = () => {};
let resetAsked = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    // The first request for it has its connection dropped unanswered, as a server closing a
    // kept-alive connection just as a request arrives on it does; the next one is answered.
    if (req.url === "/reset.html") {
      if (++resetAsked === 1) return req.socket.destroy();
      return res.end("<!doctype html><meta charset=utf-8><p>lần hai</p>");
    }
    arrived();
    release = () => res.end("<!doctype html><p>muộn</p>");
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  browser = await sharedBrowser();
}, 60_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done));
});

it("a context closed while a forwarded request is in flight leaves no unhandled rejection", async () => {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  process.on("unhandledRejection", onRejection);
  try {
    const ctx = await browser.newContext();
    const { port } = server.address() as AddressInfo;
    await routeOffice(ctx, ORIGIN, `http://127.0.0.1:${port}`);
    const page = await ctx.newPage();
    const reached = new Promise<void>((done) => (arrived = done));
    const navigation = page.goto(`${ORIGIN}/taskpane.html`).catch(() => "closed");
    await reached;
    await ctx.close();
    release();
    expect(await navigation).toBe("closed");
    // the router's promise settles after the server's late answer: give it the turns it needs
    await new Promise((done) => setTimeout(done, 500));
    expect(rejections).toEqual([]);
  } finally {
    process.off("unhandledRejection", onRejection);
  }
});

it("only Playwright's closing words are forgiven; any other router failure still fails the test", () => {
  expect(isClosingError(new Error("route.fulfill: Fetch response has been disposed"))).toBe(true);
  expect(isClosingError(new Error("route.fetch: Target page, context or browser has been closed"))).toBe(true);
  expect(isClosingError(new Error("ENOENT: no such file or directory"))).toBe(false);
  expect(isClosingError("has been disposed")).toBe(false);
});

it("a GET whose connection is reset is asked again, as a browser would: the page gets its answer (a stylesheet's reset once left the pane blank, 02/12)", async () => {
  const ctx = await browser.newContext();
  try {
    const { port } = server.address() as AddressInfo;
    await routeOffice(ctx, ORIGIN, `http://127.0.0.1:${port}`);
    const page = await ctx.newPage();
    await page.goto(`${ORIGIN}/reset.html`);
    expect(await page.locator("p").textContent()).toBe("lần hai");
    expect(resetAsked).toBe(2);
  } finally {
    await ctx.close();
  }
});

it("tells a reset connection from other failures: only a reset (or a timeout) is asked again", () => {
  expect(isConnectionReset(new Error("route.fetch: socket hang up (ECONNRESET)"))).toBe(true);
  expect(isConnectionReset(new TypeError("fetch failed", { cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }) }))).toBe(true);
  expect(isConnectionReset(new TypeError("fetch failed", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) }))).toBe(true);
  expect(isConnectionReset(new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }) }))).toBe(false);
  expect(isConnectionReset(new Error("route.fetch: Timeout 10000ms exceeded."))).toBe(false);
  expect(isConnectionReset("socket hang up")).toBe(false);
});
