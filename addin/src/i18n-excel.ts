import { periodTitle, type Locale, type PeriodNamed } from "../../shared/index.ts";
import type { SheetWritten } from "./sheet-ownership.ts";

/** Words for what Excel (or the workbook) refused, and for where the add-in wrote; Vietnamese first. */
const vi = {
  office: {
    ItemNotFound: "Không tìm thấy trang tính hoặc ô cần dùng (có thể vừa bị xóa hay đổi tên).",
    InvalidArgument: "Excel không nhận một giá trị hoặc tên mà add-in gửi tới (ví dụ tên bảng, tên trang hay một ô quá dài).",
    ItemAlreadyExists: "Trong bảng tính đã có trang hoặc bảng trùng tên với trang add-in định tạo.",
    GeneralException: "Excel gặp lỗi nội bộ khi thực hiện thao tác: thử lại; nếu vẫn lỗi, lưu, đóng rồi mở lại bảng tính.",
    AccessDenied: "Excel không cho phép thao tác này (bảng tính đang được bảo vệ hoặc chỉ đọc).",
    RequestPayloadSizeLimitExceeded: "Dữ liệu quá lớn cho một lần ghi của Excel trên web (giới hạn 5 MB).",
    ResponsePayloadSizeLimitExceeded: "Bảng tính trả về quá nhiều dữ liệu trong một lần đọc của Excel trên web (giới hạn 5 MB), kể cả khi đã chia nhỏ: xóa các ô có văn bản rất dài không cần thiết rồi thử lại, hoặc dùng Excel trên máy tính.",
    InvalidOperationInCellEditMode: "Excel đang ở chế độ sửa ô: nhấn Enter hoặc Esc rồi thử lại.",
    ApiNotFound: "Phiên bản Excel này thiếu chức năng cần thiết.",
    InactiveWorkbook: "Bảng tính không còn mở: mở lại rồi thử lại.",
    RequestAborted: "Excel đã hủy thao tác giữa chừng: thử lại.",
  } as Record<string, string>,
  unknownOffice: (code: string) => `Excel báo lỗi khi thực hiện thao tác (mã lỗi ${code}): thử lại; nếu lặp lại, báo cho quản trị kèm mã lỗi này.`,
  notExcel: "Lỗi trong add-in, không phải của Excel hay bảng tính: tải lại add-in rồi thử lại; nếu lặp lại, báo cho quản trị kèm chi tiết kỹ thuật bên dưới.",
  partNotLoaded: "Chưa tải được phần chấm điểm của Chỉ số CCHC (mạng chập chờn hoặc vừa mất kết nối): kiểm tra kết nối mạng rồi bấm lại; không cần tải lại trang.",
  quota: "Bộ nhớ của add-in trên máy này đã đầy (hàng đợi gửi hoặc bộ tiêu chí đã lưu): gửi hoặc xóa các báo cáo đang chờ trong hàng đợi rồi thử lại.",
  problems: {
    SheetHidden: (sheet: string) => `Ô này nằm trên trang "${sheet}" đang bị ẩn. Hiện trang (bấm chuột phải vào thanh tên trang › Bỏ ẩn, chọn "${sheet}") rồi bấm lại vào phát hiện.`,
    SheetVeryHidden: (sheet: string) => `Ô này nằm trên trang "${sheet}" bị ẩn sâu (very hidden), không hiện lại được bằng menu: nhờ người lập bảng tính hiện trang (Visual Basic › thuộc tính Visible) rồi bấm lại.`,
    SheetMissing: (sheet: string) => `Không còn trang "${sheet}" trong bảng tính (có thể vừa bị xóa hay đổi tên): kiểm tra lại rồi chấm điểm lại.`,
    CellHidden: (ref: string) => `Đã chọn ô ${ref}, nhưng ô nằm ở dòng hoặc cột đang ẩn nên không thấy được. Để xem: chọn các dòng (cột) hai bên, bấm chuột phải › Bỏ ẩn.`,
    BadCellRef: (ref: string) => `Địa chỉ ô "${ref}" không hợp lệ.`,
    NoFile: () => "Chưa mở bảng tính nào: chọn tệp .xlsx (hoặc kéo thả tệp vào trang) rồi kiểm tra.",
  },
  mergesUnread: "ô gộp của bảng tính này: Excel không trả về được nên đã đọc không có ô gộp (tiêu đề hai dòng, ô gộp nhiều dòng có thể không nhận ra)",
  visibilityUnread: "dòng, cột đang ẩn của bảng tính này: Excel không trả về được nên đã đọc như không có dòng, cột nào ẩn (dòng ẩn trùng mã với dòng đang hiện có thể bị tính)",
  dateSystemUnknown: "hệ ngày của bảng tính này: Excel không cho biết bảng tính dùng hệ ngày 1900 hay 1904 nên ngày tháng được đọc theo hệ 1900 (nếu bảng tính lập trên Excel cho Mac đời cũ, dùng hệ 1904, thì các ngày sẽ sớm hơn 4 năm và 1 ngày: kiểm tra lại ngày ban hành văn bản, ngày hiệu lực)",
  unreadSheets: (sheets: string[]) => `các trang ${sheets.map((s) => `"${s}"`).join(", ")}: bảng tính có quá nhiều trang, phần đầu các trang này chưa được đọc (nếu bảng tự đánh giá nằm ở đó, chuyển nó lên đầu hoặc tách ra bảng tính riêng)`,
  besideSheet: (kept: string, written: string) => `Trang "${kept}" là của người dùng nên được giữ nguyên; add-in ghi vào trang "${written}".`,
  consolidated: {
    title: (p: PeriodNamed) => `TỔNG HỢP CHỈ SỐ CCHC — ${periodTitle(p, "vi")}`,
    /** `ranked` units with data, `unranked` listed after them without a rank. */
    caption: (ranked: number, unranked: number) =>
      `${ranked > 0 ? `Xếp hạng ${ranked} đơn vị` : "Chưa có đơn vị nào để xếp hạng"}${unranked > 0 ? `; ${unranked} đơn vị chưa nộp, không xếp hạng` : ""}`,
    empty: "Kỳ này chưa có đơn vị nào.",
    /** The band column of a unit with no data (nothing sent, no survey score). */
    notSubmitted: "Chưa nộp",
    basis: { appraised: "Kết quả thẩm định", submission: "Điểm tự đánh giá, chưa thẩm định xong", none: "Chưa nộp" },
    status: { not_submitted: "Chưa nộp", submitted: "Đã nộp", under_review: "Đang thẩm định", returned_for_explanation: "Trả lại để giải trình", explained: "Đã giải trình", final: "Kết quả cuối cùng" },
    surveyNotImported: "Chưa nhập",
  },
};
export type ExcelStrings = typeof vi;

const en: ExcelStrings = {
  office: {
    ItemNotFound: "A sheet or cell was not found (maybe just deleted or renamed).",
    InvalidArgument: "Excel did not accept a value or name the add-in sent (a table or sheet name, or a cell too long).",
    ItemAlreadyExists: "The workbook already has a sheet or table with the name the add-in was about to create.",
    GeneralException: "Excel hit an internal error: try again; if it persists, save, close and reopen the workbook.",
    AccessDenied: "Excel refused (the workbook is protected or read-only).",
    RequestPayloadSizeLimitExceeded: "Too much data for one Excel on the web write (5 MB limit).",
    ResponsePayloadSizeLimitExceeded: "The workbook returned too much data for one Excel on the web read (5 MB limit), even in smaller parts: remove very long texts that are not needed and try again, or use Excel on the desktop.",
    InvalidOperationInCellEditMode: "Excel is editing a cell: press Enter or Esc and try again.",
    ApiNotFound: "This Excel version lacks a needed feature.",
    InactiveWorkbook: "The workbook is no longer open: open it again and retry.",
    RequestAborted: "Excel cancelled the operation: try again.",
  },
  unknownOffice: (code) => `Excel reported an error (code ${code}): try again; if it persists, tell the administrator with this code.`,
  notExcel: "An error in the add-in, not in Excel or the workbook: reload the add-in and try again; if it persists, tell the administrator with the technical details below.",
  partNotLoaded: "Part of PAR INDEX (its scoring) could not be loaded (a flaky or lost connection): check the network and press again; no need to reload.",
  quota: "The add-in's storage on this computer is full (the outbox or saved criteria sets): send or remove queued submissions and try again.",
  problems: {
    SheetHidden: (sheet) => `This cell is on the hidden sheet "${sheet}". Unhide it (right-click the sheet tabs › Unhide, pick "${sheet}") and click the finding again.`,
    SheetVeryHidden: (sheet) => `This cell is on the very hidden sheet "${sheet}", which the Unhide menu cannot show: ask the workbook's author to make it visible (Visual Basic › Visible property), then click again.`,
    SheetMissing: (sheet) => `The sheet "${sheet}" is no longer in the workbook (maybe just deleted or renamed): check and score again.`,
    CellHidden: (ref) => `Selected ${ref}, but it is on a hidden row or column, so it cannot be seen. To show it: select the rows (columns) on both sides, right-click › Unhide.`,
    BadCellRef: (ref) => `The cell address "${ref}" is not valid.`,
    NoFile: () => "No workbook is open: pick an .xlsx file (or drop it on the page), then check.",
  },
  mergesUnread: "merged cells of this workbook: Excel could not return them, so it was read without (two-row headers and cells merged over rows may be missed)",
  visibilityUnread: "hidden rows and columns of this workbook: Excel could not return them, so it was read as if none were hidden (a hidden row with the code of a visible one may be counted)",
  dateSystemUnknown: "date system of this workbook: Excel could not say whether it uses the 1900 or 1904 date system, so dates were read in the 1900 system (if the workbook was made in an old Mac Excel with the 1904 system, every date comes out 4 years and a day early: check the documents' issue dates and valid-from dates)",
  unreadSheets: (sheets) => `sheets ${sheets.map((s) => `"${s}"`).join(", ")}: the workbook has too many sheets and their first rows were not read (if the self-assessment table is there, move it first or into its own workbook)`,
  besideSheet: (kept, written) => `The sheet "${kept}" is the user's and stays as it is; the add-in wrote to "${written}".`,
  consolidated: {
    title: (p) => `PAR INDEX RANKING — ${periodTitle(p, "en")}`,
    caption: (ranked, unranked) => `${ranked > 0 ? `Ranking of ${ranked} ${ranked === 1 ? "unit" : "units"}` : "No unit to rank yet"}${unranked > 0 ? `; ${unranked} not submitted, not ranked` : ""}`,
    empty: "No units in this period yet.",
    notSubmitted: "Not submitted",
    basis: { appraised: "Appraisal result", submission: "Self-assessment, appraisal not final", none: "Not submitted" },
    status: { not_submitted: "Not submitted", submitted: "Submitted", under_review: "Under review", returned_for_explanation: "Returned for explanation", explained: "Explained", final: "Final" },
    surveyNotImported: "Not imported",
  },
};

export const EXCEL_STRINGS: Record<Locale, ExcelStrings> = { vi, en };

/** What to add to "written to sheet X" when a user's sheet kept the usual name (empty otherwise). */
export function besideNotice(written: SheetWritten, locale: Locale): string {
  return written.besideSheet ? ` ${EXCEL_STRINGS[locale].besideSheet(written.besideSheet, written.name)}` : "";
}
