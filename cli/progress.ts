import type { Locale } from "../shared/index.ts";

/** What progress needs of a stream: process.stderr, or in a test an object that says it is a terminal. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

export interface Progress {
  /** The `n`th of `total` files is being checked. */
  step(n: number, total: number, file: string): void;
  /** Clears the line, so that the table printed next starts clean. */
  end(): void;
}

// Kept here rather than in labels.ts, which is being reworded on the engine branch; move it there when both have landed.
const CHECKING = { vi: "Đang kiểm tra", en: "Checking" } as const satisfies Record<Locale, string>;

/**
 * One line redrawn in place ("Đang kiểm tra 12/200: Xã An Phú.xlsx") when the stream is a
 * terminal; none at all otherwise, so logs, pipes and CI get only the result. Never written
 * to stdout, so `--json` output stays one object.
 */
export function terminalProgress(stream: ProgressStream | undefined, locale: Locale): Progress | undefined {
  if (!stream?.isTTY) return undefined;
  // A line longer than the terminal wraps, and "\r" then redraws only its last part.
  // A terminal of unknown size (columns undefined, or 0 under `script` or some CI ptys) counts as 80.
  const width = Math.max(20, (stream.columns || 80) - 1);
  let drawn = false;
  return {
    step(n, total, file) {
      const line = `${CHECKING[locale]} ${n}/${total}: ${file}`;
      stream.write(`\r\x1b[K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
      drawn = true;
    },
    end() {
      if (drawn) stream.write("\r\x1b[K");
    },
  };
}
