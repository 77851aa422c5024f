/**
 * Ends of validity, as people count them: through the end of a day in Vietnam time (UTC+7,
 * no daylight saving). Tokens made by the admin CLI or by redeeming an activation code get
 * the same rule; activation codes too, with their own number of days.
 */
export const DEFAULT_TOKEN_DAYS = 400;
export const DEFAULT_CODE_DAYS = 14;

const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The day (YYYY-MM-DD) in Vietnam `days` days after the instant `at`. */
export const vietnamDayAfter = (at: string, days: number): string => new Date(Date.parse(at) + days * DAY_MS + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/** The day after an ISO day: the first day without a unit whose last day it is. */
export const dayAfter = (day: string): string => vietnamDayAfter(`${day}T00:00:00+07:00`, 1);

/** The last second of a day in Vietnam, as stored in `expires_at`. */
export const endOfVietnamDay = (day: string): string => `${day}T23:59:59+07:00`;

/** Valid through the end of the day `days` days after `at`. */
export const validThrough = (at: string, days: number): string => endOfVietnamDay(vietnamDayAfter(at, days));
