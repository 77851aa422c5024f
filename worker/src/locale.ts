import type { Context } from "hono";
import { onboardingMessage, type Locale, type OnboardingMessageCode } from "../../shared/index.ts";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ApiError, type Issue } from "./errors.ts";

/**
 * The language of a person-facing message: Vietnamese unless the request's first
 * Accept-Language tag is English (issue 16: one Vietnamese sentence, English on request).
 */
export function requestLocale(c: Context): Locale {
  return /^\s*en\b/i.test(c.req.header("Accept-Language") ?? "") ? "en" : "vi";
}

/** An error whose message comes from the onboarding catalogue, in the request's language. */
export function localizedError(
  c: Context,
  status: ContentfulStatusCode,
  code: OnboardingMessageCode,
  params: Record<string, string | number> = {},
  issues?: Issue[],
): ApiError {
  return new ApiError(status, code, onboardingMessage(code, requestLocale(c), params), issues);
}
