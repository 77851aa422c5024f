import { formatNumber, type Locale } from "../../shared/index.ts";
import type { ApiFailure } from "./api/client.ts";
import { describeFailure, describeOfficeError, technicalDetail } from "./errors.ts";
import { STRINGS } from "./i18n.ts";
import { StorageFullError } from "./storage.ts";

/** Words of the add-in's runtime (issue 14): storage, outbox, timeouts, the server address, the ribbon. Vietnamese first. */
const vi = {
  storageBlocked:
    "Trình duyệt đang chặn bộ nhớ của add-in (thường do chặn cookie của bên thứ ba): cài đặt, mã truy cập và hàng đợi gửi chỉ được giữ đến khi đóng Excel. Cho phép cookie cho trang Excel, hoặc dùng Excel trên máy tính.",
  storageFull: "Bộ nhớ của add-in trong trình duyệt đã đầy nên chưa lưu được. Gửi hoặc xóa bớt các báo cáo đang chờ trong hàng đợi rồi thử lại.",
  outboxFull: (items: number, mb: string) =>
    `Hàng đợi gửi lại đã đầy (tối đa ${items} báo cáo, ${mb} MB): báo cáo này CHƯA được gửi và chưa được xếp hàng. Bảng tính vẫn giữ nguyên — khi có mạng, bấm "Gửi lại" cho các báo cáo đang chờ rồi nộp lại.`,
  unsentStorageFull: "Bộ nhớ của add-in đã đầy: báo cáo này CHƯA được gửi và chưa được xếp hàng. Bảng tính vẫn giữ nguyên — gửi hoặc xóa bớt các báo cáo đang chờ rồi nộp lại.",
  timeout: "Máy chủ không trả lời kịp (mạng chậm hoặc máy chủ quá tải).",
  server: {
    hint: (origin: string) => `Để trống để dùng máy chủ đã cài add-in (${origin}).`,
    invalid: "Địa chỉ máy chủ không hợp lệ: nhập dạng https://ten-mien.",
    insecure: "Địa chỉ máy chủ phải bắt đầu bằng https:// — Excel trên web và Excel cho Mac chặn máy chủ http (nội dung hỗn hợp).",
    loopback: "Đang dùng máy chủ http trên chính máy này: chỉ dành cho phát triển, Excel cho Mac và Safari sẽ chặn. Để trống để đi qua máy chủ của add-in.",
  },
  unsupportedHost: (checker: string) =>
    `Phiên bản Excel này chưa chạy được add-in Chỉ số CCHC (cần ExcelApi 1.4: Microsoft 365, Excel 2021 trở lên, Excel trên web hoặc Excel cho Mac). Có thể kiểm tra bảng tính bằng trang web ${checker}.`,
  ribbon: {
    checked: (percent: string, errors: number, warnings: number) => `Đã kiểm tra: chỉ số ${percent}, ${errors} lỗi, ${warnings} cảnh báo — xem trang "Kết quả kiểm tra".`,
    openPaneForSettings: "Phiên bản Excel này không mở được ngăn từ nút Cài đặt: mở ngăn Chỉ số CCHC từ Trang đầu › Bổ trợ rồi chọn Cài đặt.",
    sheetNotWritten: (reason: string) => `Chưa ghi được trang "Kết quả kiểm tra": ${reason}`,
  },
};
export type RuntimeStrings = typeof vi;

const en: RuntimeStrings = {
  storageBlocked:
    "The browser blocks the add-in's storage (usually because third-party cookies are blocked): settings, the token and the outbox last only until Excel is closed. Allow cookies for the Excel site, or use Excel on the desktop.",
  storageFull: "The add-in's browser storage is full, so nothing was saved. Send or remove queued submissions and try again.",
  outboxFull: (items: number, mb: string) =>
    `The outbox is full (at most ${items} submissions, ${mb} MB): this submission was NOT sent and NOT queued. The workbook is unchanged — when online, press "Retry" for the waiting submissions, then submit again.`,
  unsentStorageFull: "The add-in's storage is full: this submission was NOT sent and NOT queued. The workbook is unchanged — send or remove queued submissions, then submit again.",
  timeout: "The server did not answer in time (slow network or an overloaded server).",
  server: {
    hint: (origin: string) => `Leave empty to use the server the add-in comes from (${origin}).`,
    invalid: "The server address is not valid: type it as https://domain.",
    insecure: "The server address must start with https:// — Excel on the web and Excel for Mac block http servers (mixed content).",
    loopback: "Using an http server on this computer: for development only, Excel for Mac and Safari will block it. Leave empty to go through the add-in's own server.",
  },
  unsupportedHost: (checker: string) =>
    `This Excel cannot run the PAR Index add-in (it needs ExcelApi 1.4: Microsoft 365, Excel 2021 or later, Excel on the web or Excel for Mac). Workbooks can be checked on the web page ${checker}.`,
  ribbon: {
    checked: (percent: string, errors: number, warnings: number) => `Checked: index ${percent}, ${errors} errors, ${warnings} warnings — see the "Kết quả kiểm tra" sheet.`,
    openPaneForSettings: "This Excel cannot open the pane from the Settings button: open the PAR Index pane from Home › Add-ins and choose Settings.",
    sheetNotWritten: (reason: string) => `The "Kết quả kiểm tra" sheet was not written: ${reason}`,
  },
};

export const RUNTIME_STRINGS: Record<Locale, RuntimeStrings> = { vi, en };

/** An API failure in plain words, including the runtime's own: a request cut by its timeout. */
export function describeApiFailure(f: ApiFailure, locale: Locale): string {
  return f.code === "TIMEOUT" ? RUNTIME_STRINGS[locale].timeout : describeFailure(f, locale);
}

/**
 * A submission kept in the outbox after a retryable failure. Not "not sent": the request may
 * have reached the server and only its answer been lost, so the words say no confirmation came,
 * that the submission is kept here, and that a retry never makes a second version.
 */
export function describeQueued(f: ApiFailure, locale: Locale): string {
  const t = STRINGS[locale];
  const why = f.code === "TIMEOUT" ? "timeout" : f.kind === "offline" ? "offline" : "server";
  return `${t.unconfirmed[why]} ${why === "offline" ? t.queued.network : t.queued.later}`;
}

/** Why a submission was neither sent nor queued. */
export function describeUnsent(reason: "outbox-full" | "storage-full", limits: { items: number; chars: number }, locale: Locale): string {
  const t = RUNTIME_STRINGS[locale];
  // One character of the outbox is about one byte of the submission sent.
  return reason === "storage-full" ? t.unsentStorageFull : t.outboxFull(limits.items, formatNumber(limits.chars / 1_000_000, locale));
}

/** A thrown error in plain words: a full browser storage has its own message, anything else is Excel's. */
export function describeRuntimeError(error: unknown, locale: Locale): string {
  return error instanceof StorageFullError ? RUNTIME_STRINGS[locale].storageFull : describeOfficeError(error, locale);
}

/** The sentence, and for the add-in's own bugs the error's text apart (shown folded, never in the sentence). */
export function describeRuntimeFailure(error: unknown, locale: Locale): { text: string; detail: string | null } {
  return { text: describeRuntimeError(error, locale), detail: error instanceof StorageFullError ? null : technicalDetail(error) };
}
