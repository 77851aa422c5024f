import { ApiError } from "../worker/src/errors.ts";

/** Vietnamese first, English beside: how the admin CLI speaks, as the API's own messages do. */
export const both = (vi: string, en: string): string => `${vi} / ${en}`;

/**
 * A refusal of the admin CLI, led by the API's error code when the API refuses the same input
 * (UNIT_NAME_EXISTS, CRITERIA_SET_NOT_PUBLISHED …). `printed` is what must still reach stdout —
 * the codes already stored when their sheet could not be written.
 */
export class AdminRefusal extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly printed?: string,
  ) {
    super(code ? `${code}: ${message}` : message);
  }
}

/** The Worker's checks throw its ApiError: the CLI says the same code and sentence. */
export const asRefusal = (e: unknown): unknown => (e instanceof ApiError ? new AdminRefusal(e.message, e.code) : e);
