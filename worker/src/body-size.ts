import type { Context } from "hono";

/**
 * The body limit (413 PAYLOAD_TOO_LARGE) when MAX_BODY_BYTES is not set; wrangler.toml sets
 * the same 2 MiB. A workbook submitted as it is travels inside that body as `file.base64`,
 * which a third larger than the file (contract tester CF4-2): the published bound of
 * `file.base64` and the 413 of a submission are derived from it here, so neither promises a
 * workbook the limit refuses.
 */
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * Room left beside `file.base64` for the rest of a submission (period, unit, the file's name of
 * up to 200 characters, contentType, the JSON around them), so that a base64 of the largest
 * length still fits the limit with them.
 */
const SUBMISSION_REST_BYTES = 2048;

/** The longest `file.base64` a body of `maxBytes` carries (a whole number of 4-character groups). */
export const maxWorkbookBase64 = (maxBytes: number): number => Math.max(0, Math.floor((maxBytes - SUBMISSION_REST_BYTES) / 4) * 4);

/** The largest workbook file, in its own bytes, that fits in `file` (base64 writes 3 bytes as 4 characters). */
export const maxWorkbookBytes = (maxBytes: number): number => (maxWorkbookBase64(maxBytes) / 4) * 3;

/** Megabytes (MiB) with one decimal: "1,5" in Vietnamese, "1.5" in English. */
function megabytes(bytes: number): { vi: string; en: string } {
  const en = (Math.round((bytes / (1024 * 1024)) * 10) / 10).toFixed(1);
  return { vi: en.replace(".", ","), en };
}

/** A submission carries the workbook itself (`file`): a body too large is said in the workbook's terms. */
const isSubmission = (c: Context): boolean => c.req.method === "POST" && /^\/v1\/submissions\/?$/.test(c.req.path);

/**
 * The 413's sentence, Vietnamese first. On a submission it says how large a workbook sent in
 * `file` may be and what to send instead (the add-in and the web checker send the table they
 * read, `grid`, whatever the file's size); elsewhere the limit in bytes. `decoded`: the limit
 * was passed once a Content-Encoding was undone.
 */
export function tooLargeMessage(c: Context, maxBytes: number, decoded = false): string {
  const [vi, en] = decoded ? [`Nội dung giải nén vượt quá ${maxBytes} byte`, `the decoded body exceeds ${maxBytes} bytes`] : [`Nội dung vượt quá ${maxBytes} byte`, `the body exceeds ${maxBytes} bytes`];
  if (!isSubmission(c)) return `${vi} / ${en}`;
  const mb = megabytes(maxWorkbookBytes(maxBytes));
  return (
    `${vi}: tệp bảng tính gửi kèm trong "file" chỉ được khoảng ${mb.vi} MB (mã base64 làm tệp lớn thêm một phần ba); ` +
    `với tệp lớn hơn, hãy kiểm tra và nộp bằng add-in Excel hoặc trang kiểm tra trên web, là nơi gửi bảng số liệu đã đọc ("grid") thay cho cả tệp` +
    ` / ${en}: a workbook sent in "file" may be about ${mb.en} MB at most (base64 makes it a third larger); ` +
    `for a larger one, check and submit it with the Excel add-in or the web checker, which send the table they read ("grid") instead of the file`
  );
}
