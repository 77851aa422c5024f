/**
 * A warning the unit accepted with a reason, sent with its submission, and the key that names a
 * warning across checks. Apart from submit.ts so that the report view can use them without
 * pulling the engine into the pane's first bytes (engine-loader.ts).
 */
export interface AcceptedWarning {
  code: string;
  criterion?: string;
  cell?: string;
  reason: string;
}

export const warningKey = (f: { code: string; criterion?: string | undefined; cell?: string | undefined }) => `${f.code}|${f.criterion ?? ""}|${f.cell ?? ""}`;
