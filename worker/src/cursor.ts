import { ApiError } from "./errors.ts";

/** A list's keyset cursor "<key>@<version>" as this API gives it (criteria sets: id@version; submissions: period@version). */
export function parseVersionCursor(cursor: string): { key: string; version: number } {
  const at = cursor.lastIndexOf("@");
  const version = Number(cursor.slice(at + 1));
  if (at <= 0 || !Number.isInteger(version)) throw new ApiError(400, "VALIDATION_FAILED", "cursor is not one this API gave", [{ path: "cursor", message: "unknown cursor" }]);
  return { key: cursor.slice(0, at), version };
}
