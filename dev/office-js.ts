import { createReadStream, existsSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const officeDist = fileURLToPath(new URL("../node_modules/@microsoft/office-js/dist", import.meta.url));

/** Microsoft supports only this copy of office.js; the built pages load it (review finding 2). */
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The pages' office.js address rewritten to the npm copy that serveOfficeJs serves at /office-js/ (offline development and tests). */
export const officeJsLocal = (html: string): string => html.replaceAll(OFFICE_JS_CDN, "/office-js/office.js");

/** office.js and its host files from the npm copy, at /office-js/ (connect middleware of the dev and preview servers). */
export function serveOfficeJs(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const file = resolve(officeDist, `.${decodeURIComponent((req.url ?? "/").split("?")[0]!)}`);
  if (!file.startsWith(officeDist) || !existsSync(file)) return next();
  res.setHeader("Content-Type", file.endsWith(".js") ? "text/javascript" : "application/octet-stream");
  createReadStream(file).pipe(res);
}
