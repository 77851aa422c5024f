import type { Locale } from "../../shared/index.ts";
import type { ApiFailure } from "./api/client.ts";
import { EXCEL_STRINGS } from "./i18n-excel.ts";

/** Office and HTTP failures in plain words; raw codes never reach the user. */
const HTTP: Record<string, Record<Locale, string>> = {
  OFFLINE: { vi: "Không kết nối được máy chủ (mất mạng hoặc máy chủ tạm dừng).", en: "Cannot reach the server (offline or the server is down)." },
  UNAUTHORIZED: { vi: "Mã truy cập không đúng hoặc đã bị thu hồi: kiểm tra lại trong Cài đặt.", en: "The access token is wrong or revoked: check it in Settings." },
  TOKEN_EXPIRED: { vi: "Mã truy cập đã hết hạn: đề nghị cơ quan thường trực CCHC cấp mã mới rồi nhập lại trong Cài đặt.", en: "The access token has expired: ask the province for a new one and enter it in Settings." },
  FORBIDDEN: { vi: "Mã truy cập này không có quyền thực hiện thao tác này (ví dụ: tổng hợp cần mã của người thẩm định).", en: "This token may not do that (consolidation needs a reviewer token)." },
  DEADLINE_PASSED: { vi: "Đã quá hạn nộp báo cáo của kỳ này: liên hệ cơ quan thẩm định để được gia hạn.", en: "The deadline of this period has passed: ask the reviewers for an extension." },
  PERIOD_LOCKED: { vi: "Kỳ đánh giá đã khóa, không nhận thêm báo cáo.", en: "The period is locked and takes no more submissions." },
  IDEMPOTENCY_KEY_REUSED: { vi: "Báo cáo trong hàng đợi đã thay đổi so với lần gửi đầu: hãy xóa mục này và nộp lại.", en: "The queued submission changed since it was first sent: remove it and submit again." },
  PAYLOAD_TOO_LARGE: { vi: "Bảng tính quá lớn để gửi: chỉ để bảng tự đánh giá trên các trang được gửi.", en: "The workbook is too large to send: keep only the self-assessment table on the sent sheets." },
  HEADER_NOT_FOUND: { vi: "Máy chủ không tìm thấy bảng tiêu chí trong dữ liệu gửi lên.", en: "The server found no criteria table in what was sent." },
  PERIOD_NOT_FOUND: { vi: "Không tìm thấy kỳ đánh giá đã chọn: chọn lại trong Cài đặt.", en: "The chosen period does not exist: pick it again in Settings." },
  RANKING_UNSUPPORTED: { vi: "Máy chủ này chưa có chức năng tổng hợp xếp hạng.", en: "This server does not offer the consolidated ranking yet." },
  INSIGHT_FORBIDDEN: { vi: "Mã truy cập này không xem được phân tích của kỳ: cần mã của người thẩm định hoặc quản trị (mã của đơn vị chỉ xem được diễn biến của chính đơn vị).", en: "This token may not see the period's analysis: it needs a reviewer or admin token (a unit token sees only its own unit's history)." },
  INSIGHT_UNSUPPORTED: { vi: "Máy chủ này chưa có chức năng phân tích và diễn biến: cập nhật máy chủ hoặc hỏi quản trị hệ thống.", en: "This server does not offer the analysis and history views yet: update it or ask the administrator." },
  UNIT_NOT_VISIBLE: { vi: "Không tìm thấy đơn vị này, hoặc mã truy cập không được xem đơn vị này (đơn vị chỉ xem chính mình, người thẩm định xem các đơn vị mình phụ trách).", en: "No such unit, or this token may not see it (a unit sees itself, a reviewer the units it oversees)." },
  UNIT_REQUIRED: { vi: "Mã truy cập này không gắn với đơn vị nào: nhập mã hoặc tên đơn vị cần xem.", en: "This token belongs to no unit: enter the id or name of the unit to show." },
  INVALID_RESPONSE: { vi: "Máy chủ trả lời không đúng định dạng: báo cho quản trị hệ thống.", en: "The server's answer could not be read: tell the administrator." },
};

export function describeFailure(f: ApiFailure, locale: Locale): string {
  const known = HTTP[f.code] ?? (f.status === 401 ? HTTP.UNAUTHORIZED : f.status === 403 ? HTTP.FORBIDDEN : f.status === 413 ? HTTP.PAYLOAD_TOO_LARGE : undefined);
  if (known) return known[locale];
  if (f.status !== null && f.status >= 500) return locale === "vi" ? "Máy chủ đang gặp sự cố, thử lại sau." : "The server has a problem; try again later.";
  // A refusal the pane has no words for (the unit takes no part in the period, its review has
  // started…): the server's own reason says what to do, the workbook is not to blame.
  if ((f.status === 409 || f.status === 422) && f.message?.trim()) return serverSentence(f.message, locale);
  if (f.status === 400 || f.status === 422) return locale === "vi" ? "Máy chủ không chấp nhận dữ liệu gửi lên: kiểm tra lại bảng tính rồi nộp lại." : "The server rejected the data: check the workbook and submit again.";
  return locale === "vi" ? "Không thực hiện được yêu cầu, thử lại sau." : "The request failed; try again later.";
}

/**
 * The server's sentence in the pane's language: its messages are "Vietnamese / English" (one
 * language alone when it was asked for one, Accept-Language), so the half for the locale,
 * begun with a capital and ended with a full stop.
 */
export function serverSentence(message: string, locale: Locale): string {
  const at = message.indexOf(" / ");
  const half = (at < 0 ? message : locale === "vi" ? message.slice(0, at) : message.slice(at + 3)).trim() || message.trim();
  const capital = half.charAt(0).toLocaleUpperCase(locale) + half.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

/** A workbook action the add-in itself refuses, with the sheet concerned: not an Office error. */
export type WorkbookProblemCode = "SheetHidden" | "SheetVeryHidden" | "SheetMissing" | "CellHidden" | "BadCellRef" | "NoFile";

export class WorkbookProblem extends Error {
  constructor(
    readonly problem: WorkbookProblemCode,
    /** The sheet, or the cell reference for CellHidden and BadCellRef. */
    readonly subject: string,
  ) {
    super(`${problem}: ${subject}`);
  }
}

/** The code of an error Excel raised (office.js `RichApi.Error`, with debugInfo), or null for anything else. */
export function officeErrorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const { name, code, debugInfo } = error as { name?: unknown; code?: unknown; debugInfo?: unknown };
  return typeof code === "string" && (name === "RichApi.Error" || (typeof debugInfo === "object" && debugInfo !== null)) ? code : null;
}

/** localStorage (and OfficeRuntime.storage on the web, built on it) full. */
function isQuotaError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, code, message } = error as { name?: unknown; code?: unknown; message?: unknown };
  return name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || code === 22 || code === 1014 || (typeof message === "string" && /quota/i.test(message));
}

/**
 * A part of the add-in loaded on demand (the scorer, the report extras, the admin tools, the
 * help) that did not arrive: a network failure, said as one — never "an error in the add-in".
 */
export class PartNotLoaded extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "PartNotLoaded";
  }
}

/** Any failure of a workbook action in the user's words: the workbook's own problems, Excel's codes, a full storage, or the add-in's own bug — never mixed up. */
export function describeOfficeError(error: unknown, locale: Locale): string {
  const t = EXCEL_STRINGS[locale];
  if (error instanceof WorkbookProblem) return t.problems[error.problem](error.subject);
  if (error instanceof PartNotLoaded) return t.partNotLoaded;
  const code = officeErrorCode(error);
  if (code !== null) return t.office[code] ?? t.unknownOffice(code);
  if (isQuotaError(error)) return t.quota;
  return t.notExcel;
}

/**
 * What the add-in's own bug said, for the status line's "technical details" (the user's
 * sentence never carries it: it is English and means nothing to them). Null for every
 * error that has words of its own.
 */
export function technicalDetail(error: unknown): string | null {
  if (error instanceof WorkbookProblem || error instanceof PartNotLoaded || officeErrorCode(error) !== null || isQuotaError(error)) return null;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
