import { fromCents, toCents, type Report } from "../../shared/index.ts";
import type { SubmissionDetail, SubmissionDiff } from "./api-schemas.ts";
import { ApiError } from "./errors.ts";

const delta = (from: number, to: number): number => fromCents(toCents(to) - toCents(from));

function findingKeys(report: Report): Map<string, { code: string; criterion: string | null; severity: string }> {
  const keys = new Map<string, { code: string; criterion: string | null; severity: string }>();
  for (const f of report.findings) keys.set(`${f.code}|${f.criterion ?? ""}|${f.cell ?? ""}`, { code: f.code, criterion: f.criterion ?? null, severity: f.severity });
  return keys;
}

/**
 * Versions compare within one unit's submissions to one period: the same code means the same
 * criterion of the same set, and the difference is what the unit changed. Across units or
 * periods (another set, another year) item 1.1 may be another criterion altogether, so such a
 * pair is refused (422) rather than answered with a diff that reads as a change.
 */
function refuseUnrelated(a: SubmissionDetail, b: SubmissionDetail): void {
  if (a.unit === b.unit && a.period === b.period) return;
  const of = (s: SubmissionDetail, vi: boolean) => `${s.id} (${s.unit}, ${vi ? "kỳ" : "period"} ${s.period}, ${vi ? "phiên bản" : "version"} ${s.version})`;
  throw new ApiError(
    422,
    "SUBMISSIONS_NOT_COMPARABLE",
    `Chỉ so sánh các phiên bản của cùng một đơn vị trong cùng một kỳ: ${of(a, true)} và ${of(b, true)} / only versions of one unit in one period compare: ${of(a, false)} and ${of(b, false)}`,
  );
}

/** What changed between two stored versions of a unit in a period, item by item (only changed items are listed). */
export function diffSubmissions(a: SubmissionDetail, b: SubmissionDetail): SubmissionDiff {
  refuseUnrelated(a, b);
  const before = new Map(a.report.items.map((i) => [i.code, i]));
  const after = new Map(b.report.items.map((i) => [i.code, i]));
  const codes = [...new Set([...before.keys(), ...after.keys()])];
  const items: SubmissionDiff["items"] = [];
  for (const code of codes) {
    const x = before.get(code);
    const y = after.get(code);
    if (x && y && x.self === y.self && toCents(x.score) === toCents(y.score)) continue;
    items.push({
      code,
      title: (y ?? x)!.title,
      from: x ? { self: x.self, score: x.score } : null,
      to: y ? { self: y.self, score: y.score } : null,
      delta: delta(x?.score ?? 0, y?.score ?? 0),
    });
  }
  const fa = findingKeys(a.report);
  const fb = findingKeys(b.report);
  return {
    from: { id: a.id, version: a.version },
    to: { id: b.id, version: b.version },
    total: { from: a.report.total, to: b.report.total, delta: delta(a.report.total, b.report.total) },
    percent: { from: a.report.percent, to: b.report.percent, delta: delta(a.report.percent, b.report.percent) },
    band: { from: a.report.band, to: b.report.band },
    items,
    findings: {
      added: [...fb].filter(([k]) => !fa.has(k)).map(([, v]) => v),
      removed: [...fa].filter(([k]) => !fb.has(k)).map(([, v]) => v),
    },
  };
}
