import type { Locale } from "../../shared/index.ts";
import type { ApiFailure } from "./api/client.ts";

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
  if (f.status === 400 || f.status === 422) return locale === "vi" ? "Máy chủ không chấp nhận dữ liệu gửi lên: kiểm tra lại bảng tính rồi nộp lại." : "The server rejected the data: check the workbook and submit again.";
  return locale === "vi" ? "Không thực hiện được yêu cầu, thử lại sau." : "The request failed; try again later.";
}

const OFFICE: Record<string, Record<Locale, string>> = {
  ItemNotFound: { vi: "Không tìm thấy trang tính hoặc ô cần dùng (có thể vừa bị xóa hay đổi tên).", en: "A sheet or cell was not found (maybe just deleted or renamed)." },
  InvalidArgument: { vi: "Địa chỉ ô không hợp lệ.", en: "The cell address is not valid." },
  AccessDenied: { vi: "Excel không cho phép thao tác này (bảng tính đang được bảo vệ hoặc chỉ đọc).", en: "Excel refused (the workbook is protected or read-only)." },
  RequestPayloadSizeLimitExceeded: { vi: "Dữ liệu quá lớn cho một lần ghi của Excel trên web.", en: "Too much data for one Excel on the web request." },
  ResponsePayloadSizeLimitExceeded: { vi: "Bảng tiêu chí quá lớn cho một lần đọc của Excel trên web.", en: "The criteria table is too large for one Excel on the web read." },
  InvalidOperationInCellEditMode: { vi: "Excel đang ở chế độ sửa ô: nhấn Enter hoặc Esc rồi thử lại.", en: "Excel is editing a cell: press Enter or Esc and try again." },
  ApiNotFound: { vi: "Phiên bản Excel này thiếu chức năng cần thiết.", en: "This Excel version lacks a needed feature." },
};

export function describeOfficeError(error: unknown, locale: Locale): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
  return OFFICE[code]?.[locale] ?? (locale === "vi" ? "Excel báo lỗi khi thực hiện thao tác, thử lại." : "Excel reported an error; try again.");
}
