import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env.ts";
import { ApiError, quote, type Issue } from "./errors.ts";

const JSON_MEDIA_TYPE = /^application\/([\w.+-]*\+)?json\b/i;

/** What a write without a body of its own says in the OpenAPI document about one sent anyway. */
export const NO_BODY_NOTE =
  "Takes no body: a body with content is refused (400 VALIDATION_FAILED naming what was sent, 415 when it is not JSON), never ignored. No body, or an empty `{}`, is the call.";

/**
 * A write that takes no body (accept-unchanged, a unit's activation code) refuses one with
 * content rather than ignoring it (API6-2): `{"dryRun":true}` to accept-unchanged had written
 * the whole appraisal, `{"days":3}` for a code had issued a 14-day one — as routes with a body
 * refuse unknown keys. A key that is one of the route's query parameters is pointed to the
 * query. Nothing, blanks or `{}` carry nothing to ignore and are the call.
 */
export function refuseBody(queryNames: readonly string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const text = (await c.req.text()).trim();
    if (text === "" || /^\{\s*\}$/.test(text)) return next();
    const type = c.req.header("Content-Type");
    if (type && !JSON_MEDIA_TYPE.test(type)) {
      throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", `Thao tác này không nhận nội dung (body), kể cả ${quote(type)}: gửi yêu cầu không có nội dung / this operation takes no body (${quote(type)} sent): send none`);
    }
    throw new ApiError(400, "VALIDATION_FAILED", ...bodyRefusal(text, queryNames));
  };
}

function bodyRefusal(text: string, queryNames: readonly string[]): [string, Issue[]] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const sent = json !== null && typeof json === "object" && !Array.isArray(json) ? Object.entries(json) : [];
  if (sent.length === 0) {
    const message = "nội dung không được dùng ở thao tác này / a body is not taken here";
    return [`Thao tác này không nhận nội dung (body): gửi yêu cầu không có nội dung / this operation takes no body: send none`, [{ path: "", message }]];
  }
  const inQuery = (k: string, v: unknown) => `?${k}=${v !== null && typeof v !== "object" ? quote(String(v)) : "…"}`;
  const issues = sent.map(([k, v]): Issue =>
    queryNames.includes(k)
      ? { path: k, message: `đặt ${inQuery(k, v)} trên địa chỉ (query), không trong nội dung / put ${inQuery(k, v)} in the query, not in the body` }
      : { path: k, message: `khóa không dùng: thao tác này không nhận nội dung / unrecognized key: this operation takes no body` },
  );
  const keys = sent.map(([k]) => `"${quote(k)}"`).join(", ");
  const moved = sent.filter(([k]) => queryNames.includes(k)).map(([k, v]) => inQuery(k, v)).join("&");
  const vi = `Thao tác này không nhận nội dung (body): ${keys} bị từ chối thay vì bị bỏ qua${moved ? `; đặt ${moved} trên địa chỉ (query)` : ""}`;
  const en = `this operation takes no body: ${keys} refused rather than ignored${moved ? `; put ${moved} in the query` : ""}`;
  return [`${vi} / ${en}`, issues];
}
