/**
 * The register's flags, in the order the register shows them: a module of their own, so that a
 * view listing them (the pane's register) does not carry the register's builder with it.
 */
export type RegisterFlag = "DATE_CONFLICT" | "OUT_OF_PERIOD" | "DATE_INVALID" | "NO_NUMBER" | "NO_DATE" | "UNRECOGNISED";

export const REGISTER_FLAGS = ["DATE_CONFLICT", "OUT_OF_PERIOD", "DATE_INVALID", "NO_NUMBER", "NO_DATE", "UNRECOGNISED"] as const satisfies readonly RegisterFlag[];
