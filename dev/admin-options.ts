import { parseArgs } from "node:util";
import { AdminRefusal, both } from "./admin-refusal.ts";

/** The admin CLI's options, its usage (`--help`), and its arguments read in both languages. */
export const OPTIONS = {
  help: { type: "boolean", short: "h" },
  remote: { type: "boolean" },
  env: { type: "string" },
  "persist-to": { type: "string" },
  id: { type: "string" },
  name: { type: "string" },
  type: { type: "string" },
  parent: { type: "string" },
  "valid-from": { type: "string" },
  "valid-to": { type: "string" },
  role: { type: "string" },
  unit: { type: "string" },
  label: { type: "string" },
  year: { type: "string" },
  set: { type: "string" },
  version: { type: "string" },
  deadline: { type: "string" },
  locked: { type: "boolean" },
  reason: { type: "string" },
  expires: { type: "string" },
  under: { type: "string" },
  days: { type: "string" },
  csv: { type: "string" },
  xlsx: { type: "string" },
  origin: { type: "string" },
} as const;

export type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

export const COMMANDS = ["create-unit", "close-unit", "create-token", "revoke-token", "create-period", "lock-period", "unlock-period", "publish-set", "issue-codes"] as const;

export const USAGE = `Cách dùng / usage: npm run -s admin -- <lệnh / command> [--remote --env production | --persist-to DIR] …
  create-unit   --id ID --name "Tên" --type Tỉnh|Sở|Huyện|Quận|Thị xã|Thành phố|Xã|Phường|Thị trấn|Đặc khu|province|…
                [--parent ID] --valid-from dd/mm/yyyy|yyyy-mm-dd [--valid-to …]
                tạo một đơn vị, kiểm tra như POST /v1/units / create a unit, checked as POST /v1/units
  close-unit    --id ID --valid-to dd/mm/yyyy [--reason "…"]
                ngày cuối của một đơn vị không qua sáp nhập (huyện giải thể 1/7/2025 → --valid-to 30/06/2025) /
                a unit's last day, for one closed without a merge
  create-token  --role unit|reviewer|admin [--unit ID] [--label "…"] [--expires YYYY-MM-DD|never]
                in mã truy cập đúng một lần, chỉ lưu SHA-256 / prints the token once, stores only its SHA-256
  revoke-token  --id tok-…
                thu hồi mã truy cập, bị từ chối từ yêu cầu tiếp theo / revokes a token from the next request on
  publish-set   --id SET --version N
                ban hành bản nháp của bộ tiêu chí, như POST /v1/criteria-sets/{id}/versions/{v}/status / publishes a draft
  create-period --id ID --year YYYY --set SET --version N --deadline dd/mm/yyyy|2026-01-31T17:00:00+07:00 [--locked]
                mở kỳ đánh giá trên một bộ tiêu chí đã ban hành, kiểm tra như POST /v1/periods / opens a period, checked as POST /v1/periods
  lock-period   --id ID --reason "…"
                khóa kỳ khi đã công bố kết quả, như POST /v1/periods/{id}/lock / closes a period once its results are published
  unlock-period --id ID --reason "…"
                mở khóa để sửa theo quyết định của hội đồng, như POST /v1/periods/{id}/unlock / reopens it for an approved correction
  issue-codes   --unit ID | --under ID [--days N] [--csv FILE] [--xlsx FILE] [--origin https://…]
                cấp mã kích hoạt (dùng một lần, 1–60 ngày) và bảng mã để phát, kèm địa chỉ trang web nếu có --origin /
                single-use activation codes and the sheet to hand out, with the web checker's address given --origin
Cơ sở dữ liệu: D1 cục bộ nếu không ghi gì; của tỉnh đã triển khai: --remote --env production /
database: the local D1 by default; a deployed province's: --remote --env production`;

/** The arguments, or a refusal in both languages (never Node's "Unknown option '--x'. To specify a positional …"). */
export function readArguments(argv: string[]): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  } catch (e) {
    const message = (e as Error).message;
    const option = /'(-[^' ]+)/.exec(message)?.[1] ?? "";
    const said = (e as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
      ? both(`không có tùy chọn ${option}`, `unknown option ${option}`)
      : /argument missing|ambiguous/.test(message)
        ? both(`thiếu giá trị sau ${option}`, `${option} needs a value`)
        : /does not take an argument/.test(message)
          ? both(`${option} không nhận giá trị`, `${option} takes no value`)
          : both("tham số dòng lệnh không hợp lệ", "invalid command-line arguments");
    throw new AdminRefusal(`${said}\n${USAGE}`);
  }
}

export function need(values: Values, name: keyof Values): string {
  const v = values[name];
  if (typeof v !== "string" || v === "") throw new AdminRefusal(both(`cần --${name}`, `--${name} is required`));
  return v;
}

/** A whole number option (--year, --version). */
export function whole(values: Values, name: "year" | "version", fallback?: string): number {
  const text = values[name] ?? fallback;
  const n = Number(text ?? need(values, name));
  if (!Number.isInteger(n)) throw new AdminRefusal(both(`--${name} là số nguyên (nhận được ${JSON.stringify(text)})`, `--${name} is a whole number (got ${JSON.stringify(text)})`));
  return n;
}
