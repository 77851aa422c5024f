import type { Report } from "../../../shared/index.ts";
import { readJson, type KeyValueStore } from "../storage.ts";
import { warningKey, type AcceptedWarning } from "../accepted-warning.ts";

const storageKey = (setId: string) => `parindex.accepted.${setId}`;

/**
 * Warnings the user accepted with a reason, per criteria set, kept in user storage so the
 * next submission (from the pane or the ribbon) sends them again.
 */
export class AcceptedWarnings {
  accepted = new Map<string, AcceptedWarning>();
  /** The warning whose reason form is open. */
  accepting: string | null = null;

  constructor(private readonly store: KeyValueStore) {}

  async load(setId: string): Promise<void> {
    this.accepted = new Map((await readJson<AcceptedWarning[]>(this.store, storageKey(setId), [])).map((a) => [warningKey(a), a]));
  }

  list(): AcceptedWarning[] {
    return [...this.accepted.values()];
  }

  /** Accept the report's warning with this key; false (nothing kept) when there is no such warning or no reason. */
  async accept(report: Report, setId: string, key: string | undefined, reason: string): Promise<boolean> {
    const finding = report.findings.find((f) => warningKey(f) === key);
    const why = reason.trim();
    if (!finding || !why) return false;
    const a: AcceptedWarning = { code: finding.code, reason: why, ...(finding.criterion ? { criterion: finding.criterion } : {}), ...(finding.cell ? { cell: finding.cell } : {}) };
    this.accepted.set(warningKey(a), a);
    this.accepting = null;
    await this.store.set(storageKey(setId), JSON.stringify(this.list()));
    return true;
  }
}
