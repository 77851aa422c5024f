/**
 * Names and headers of what the API hands out as files (issue 15, item 9): a name a unit
 * chose travels into R2 keys, ZIP entries and Content-Disposition, so it is reduced to its
 * last path segment without path tricks ("..", "C:x.xlsx:stream"), control, bidi-override
 * or invisible characters, Windows' reserved characters and device names.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const RESERVED_CHARACTERS = /[<>:"/\\|?*]/g;
const DEVICE_NAMES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
const MAX_NAME_LENGTH = 120;

export function safeFileName(name: string, fallback = "workbook.xlsx"): string {
  const last = name.normalize("NFC").replace(INVISIBLE, "").split(/[\\/]/).pop() ?? "";
  let clean = last.replace(RESERVED_CHARACTERS, "_").replace(/^[.\s]+|[.\s]+$/g, "");
  if (DEVICE_NAMES.test(clean)) clean = `_${clean}`;
  clean = Array.from(clean).slice(0, MAX_NAME_LENGTH).join("").trim();
  return clean || fallback;
}

/** RFC 6266: an ASCII fallback and the UTF-8 name (RFC 5987, every non-attr-char escaped). */
function contentDisposition(name: string): string {
  const safe = safeFileName(name);
  const ascii = safe.replace(/[^\x20-\x7e]/g, "_");
  const utf8 = encodeURIComponent(safe).replace(/['()*!]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/** Headers of a download: its type, its name, and no sniffing of either. */
export function downloadHeaders(contentType: string, name: string, extra: Record<string, string> = {}): Record<string, string> {
  return { "Content-Type": contentType, "Content-Disposition": contentDisposition(name), "X-Content-Type-Options": "nosniff", ...extra };
}
