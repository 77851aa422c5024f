import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { errors, type APIResponse, type BrowserContext, type Frame, type Page, type Route } from "playwright-core";
import { REPO_ROOT } from "../../dev/wrangler.ts";
import { OFFICE_JS_CDN } from "../vite.config.ts";
import { askedAgain, isConnectionReset } from "./asked-again.ts";

/**
 * Just enough of Excel on the web for the real office.js to boot an add-in: a host page on
 * an Office web origin that opens the add-in's pages in iframes and answers office.js over
 * postMessage (the XDM protocol its host file speaks: the app context with the requirement
 * sets, event registration, RichApi calls, and the ribbon's ExecuteFunction event). Nothing
 * reaches the network: office.js and its Excel host file come from the npm copy in place of
 * the CDN, the deployment's origin is forwarded to the local server, the rest is refused.
 *
 * It cannot run Excel.run (no workbook behind it): the tests drive what needs no sheet.
 */
export const EXCEL_WEB = "https://excel.officeapps.live.com";
export const OFFICE_JS_NPM = join(REPO_ROOT, "node_modules/@microsoft/office-js/dist");
const CDN_BASE = OFFICE_JS_CDN.slice(0, OFFICE_JS_CDN.lastIndexOf("/") + 1);

/** Route the CDN to the npm copy, the deployment's origin to `server`, and nothing else anywhere. */
export async function routeOffice(context: BrowserContext, origin: string, server: string, hostPage = ""): Promise<void> {
  await context.route(
    () => true,
    async (route) => {
      try {
        const url = new URL(route.request().url());
        if (url.href.startsWith(CDN_BASE)) {
          const file = join(OFFICE_JS_NPM, url.pathname.slice(new URL(CDN_BASE).pathname.length));
          return await (existsSync(file) ? route.fulfill({ body: readFileSync(file), contentType: "text/javascript" }) : route.fulfill({ status: 404 }));
        }
        if (url.origin === EXCEL_WEB) return await route.fulfill({ body: hostPage, contentType: "text/html" });
        if (url.origin === origin) return await route.fulfill({ response: await forwarded(route, `${server}${url.pathname}${url.search}`) });
        return await route.abort("blockedbyclient");
      } catch (error) {
        // A test that has its answer closes the context while the pane may still be loading
        // something; the forwarded request then finds its response disposed. That is the end
        // of the test, not a failure of it (CI once failed on exactly this unhandled rejection).
        if (isClosingError(error)) return;
        // Anything else fails the request in the page too, as the network would, rather than
        // leave it waiting for an answer that will not come; the error itself is still thrown.
        await route.abort("failed").catch(() => undefined);
        throw error;
      }
    },
  );
}

/**
 * A request to the deployment's origin, asked of the local server. A GET (a page, a bundle's
 * chunk) that has no answer in 10 s, or whose connection is reset, is asked again, up to three
 * times: in full runs under load the forwarded requests for five of the pane's chunks once went
 * unanswered past 30 s, the module never ran, and a ribbon click waited for it in vain (twice)
 * or the load event never came; and on 02/12 one stylesheet's came back "socket hang up"
 * (ECONNRESET) at once, the pane never drew, and the case failed. Anything else is asked once.
 */
async function forwarded(route: Route, url: string): Promise<APIResponse> {
  const method = route.request().method();
  if (method !== "GET" && method !== "HEAD") return route.fetch({ url, timeout: 30_000 });
  return askedAgain(
    (timeout) => route.fetch({ url, timeout }),
    (error) => error instanceof errors.TimeoutError || isConnectionReset(error),
    (attempt, why) => console.log(`forwarded ${method} ${url}: ${why} (attempt ${attempt}), asked again`),
  );
}

/** Playwright's words for a request whose page, context or fetched response went away under it. */
export function isClosingError(error: unknown): boolean {
  return error instanceof Error && /has been disposed|has been closed|Target closed|Request context disposed/i.test(error.message);
}

/**
 * The host page. `shared`: whether the host has SharedRuntime 1.1 (Excel on the web does).
 * `clickOnRegister`: a button whose click loaded the page `frame` (a function file opened by
 * its first click): Excel sends the click the moment office.js registers for clicks, whatever
 * the add-in's own code has done by then.
 */
export function hostPage(options: { shared: boolean; clickOnRegister?: { frame: string; functionName: string } }): string {
  const requirements = JSON.stringify({ ExcelApi: 1.13, ...(options.shared ? { SharedRuntime: 1.1 } : {}) });
  return `<!doctype html><html><body><script>
window.excel = { frames: {}, conversations: {}, completed: [], richApi: [] };
var requirements = ${JSON.stringify(requirements)};
var clickOnRegister = ${JSON.stringify(options.clickOnRegister ?? null)};
function post(frame, message) { frame.el.contentWindow.postMessage(JSON.stringify(message), new URL(frame.url).origin); }
function reply(frame, m, data) {
  post(frame, { _messageType: 1, _actionName: m._actionName, _conversationId: m._conversationId, _correlationId: m._correlationId, _origin: location.origin, _data: data, _errorCode: 0, _responseType: 0 });
}
/** Open an add-in page the way Excel does: _host_Info in the query, _xdm_Info (conversation, app id, host URL) in the hash. */
window.excel.open = function (name, url) {
  var el = document.createElement("iframe");
  el.name = name;
  el.src = url + "?_host_Info=Excel$Web$16.01$vi-VN$$$$0#&_xdm_Info=conv-" + name + "$app-" + name + "$" + encodeURIComponent(location.href);
  el.style.width = "360px";
  el.style.height = "640px";
  window.excel.frames[name] = { el: el, url: url, events: null };
  document.body.appendChild(el);
};
/** A ribbon button: the AppCommandInvoked event, on the conversation the page registered it on. */
window.excel.fire = function (name, functionName) {
  var frame = window.excel.frames[name];
  post(frame, { _messageType: 1, _actionName: "appCommandInvoked", _conversationId: frame.events, _correlationId: 0, _origin: location.origin,
    _data: ["command-" + window.excel.completed.length, functionName, JSON.stringify({ source: { id: functionName } })], _errorCode: 0, _responseType: 1 });
};
window.addEventListener("message", function (e) {
  var m;
  try { m = JSON.parse(e.data); } catch (x) { return; }
  var name = Object.keys(window.excel.frames).filter(function (n) { return window.excel.frames[n].el.contentWindow === e.source; })[0];
  var frame = window.excel.frames[name];
  if (!frame || m._messageType !== 0) return;
  if (m._actionName === "ContextActivationManager_getAppContextAsync") {
    return reply(frame, m, { _id: "app-" + name, _appName: 16, _appVersion: "16.0", _appUILocale: "vi-VN", _dataLocale: "vi-VN", _docUrl: "https://example.invalid/Tu-danh-gia.xlsx",
      _clientMode: 1, _settings: [], _reason: 1, _osfControlType: 1, _eToken: "", _correlationId: "boot", _appInstanceId: "boot-" + name, _requirementMatrix: requirements, _hostFullVersion: "16.0.0.0", _appMinorVersion: 0 });
  }
  if (m._actionType === 1) {
    if (m._actionName === "appCommandInvoked") frame.events = m._conversationId;
    reply(frame, m, { Error: 0 });
    if (m._actionName === "appCommandInvoked" && clickOnRegister && clickOnRegister.frame === name) window.excel.fire(name, clickOnRegister.functionName);
    return;
  }
  if (m._actionName === "executeMethod") {
    var data = m._data || {};
    if (data.ArrayData && data.ArrayData[2] === "ProcessQuery") {
      JSON.parse(data.ArrayData[4]).Actions.forEach(function (a) { if (a.Name) window.excel.richApi.push(name + ":" + a.Name + ":" + JSON.stringify((a.ArgumentInfo || {}).Arguments || [])); });
      return reply(frame, m, { Version: 1, Error: 0, Data: [200, [], JSON.stringify({ Results: [] })] });
    }
    // DispatchId 94: AppCommandInvocationCompleted, i.e. event.completed() of a ribbon function.
    if (data.DdaMethod && data.DdaMethod.DispatchId === 94) window.excel.completed.push(name + ":" + data[0]);
    return reply(frame, m, { Version: 1, Error: 0 });
  }
  reply(frame, m, null);
});
</script></body></html>`;
}

export interface FakeExcel {
  page: Page;
  frame: (name: string) => Promise<Frame>;
  /** Press a ribbon button whose function lives in the page `name`, once that page has registered for ribbon events. */
  fire: (name: string, functionName: string) => Promise<void>;
  completed: () => Promise<string[]>;
  richApi: () => Promise<string[]>;
}

/** Open the host page, then each named add-in page in its own iframe (a task pane, a function file). */
export async function openInExcel(page: Page, pages: Record<string, string>): Promise<FakeExcel> {
  await page.goto(`${EXCEL_WEB}/boot-test/host.html`);
  for (const [name, url] of Object.entries(pages)) await page.evaluate(([n, u]) => (window as unknown as { excel: { open: (n: string, u: string) => void } }).excel.open(n, u), [name, url] as const);
  const excel = () => page.evaluate(() => (window as unknown as { excel: { completed: string[]; richApi: string[] } }).excel);
  return {
    page,
    frame: async (name) => {
      const frame = await (await page.waitForSelector(`iframe[name="${name}"]`)).contentFrame();
      if (!frame) throw new Error(`no frame ${name}`);
      return frame;
    },
    fire: async (name, functionName) => {
      await page.waitForFunction((n) => (window as unknown as { excel: { frames: Record<string, { events: string | null }> } }).excel.frames[n]?.events != null, name);
      await page.evaluate(([n, f]) => (window as unknown as { excel: { fire: (n: string, f: string) => void } }).excel.fire(n, f), [name, functionName] as const);
    },
    completed: async () => (await excel()).completed,
    richApi: async () => (await excel()).richApi,
  };
}
