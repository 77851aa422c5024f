import { looksLikeWorkbook } from "../../../xlsx/sheetjs-grid.ts";
import { WORKBOOK_MEDIA_TYPES } from "../api-schemas.ts";
import { safeFileName } from "../downloads.ts";
import { refuseNonWorkbook } from "../workbook-file.ts";
import { ApiError } from "../errors.ts";

/**
 * The submitted workbook file itself, kept in R2 (binding ARCHIVE; local under wrangler dev
 * and vitest-pool-workers) at one key per submission; D1 keeps its metadata in the
 * submission's batch, so a stored version and its file row appear together.
 */
export interface SubmittedFile {
  name: string;
  contentType?: string | undefined;
  base64: string;
}

export interface ArchivedFile {
  key: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
}


export function decodeBase64(base64: string): Uint8Array {
  let bin: string;
  try {
    bin = atob(base64.replace(/\s+/g, ""));
  } catch {
    throw new ApiError(400, "VALIDATION_FAILED", "Dữ liệu không hợp lệ: file.base64 không phải base64 (gửi nội dung tệp mã hóa base64, không kèm tiền tố \"data:…;base64,\") / invalid body — file.base64 is not base64 (send the file's bytes base64-encoded, without a \"data:…;base64,\" prefix)", [
      { path: "file.base64", message: "không phải base64 / not base64" },
    ]);
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** A workbook as the schema admitted it (a name, an allowed media type); its bytes must be a workbook too. */
export async function prepareFile(submissionId: string, file: SubmittedFile): Promise<ArchivedFile> {
  const bytes = decodeBase64(file.base64);
  if (!looksLikeWorkbook(bytes)) refuseNonWorkbook(bytes);
  const name = safeFileName(file.name);
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  const sha256 = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return { key: `submissions/${submissionId}/${name}`, name, contentType: file.contentType ?? WORKBOOK_MEDIA_TYPES[0], size: bytes.length, sha256, bytes };
}

export function archiveBucket(env: { ARCHIVE?: R2Bucket }): R2Bucket {
  if (!env.ARCHIVE) throw new ApiError(503, "ARCHIVE_UNAVAILABLE", "Kho lưu trữ hồ sơ chưa cấu hình / the ARCHIVE bucket is not bound");
  return env.ARCHIVE;
}

export function insertFileStatement(db: D1Database, submissionId: string, f: ArchivedFile): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO submission_files (submission_id, r2_key, name, content_type, size, sha256)
       SELECT id, ?2, ?3, ?4, ?5, ?6 FROM submissions WHERE id = ?1`,
    )
    .bind(submissionId, f.key, f.name, f.contentType, f.size, f.sha256);
}

export interface FileRow {
  submissionId: string;
  key: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** The stored media type if it is one this API would accept today, else a neutral one (rows from before the allow-list). */
export const servedContentType = (stored: string): string => ((WORKBOOK_MEDIA_TYPES as readonly string[]).includes(stored) ? stored : "application/octet-stream");

export async function findFile(db: D1Database, submissionId: string): Promise<FileRow | null> {
  return db
    .prepare("SELECT submission_id AS submissionId, r2_key AS key, name, content_type AS contentType, size, sha256 FROM submission_files WHERE submission_id = ?1")
    .bind(submissionId)
    .first<FileRow>();
}

