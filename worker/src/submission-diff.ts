import { fromCents, toCents, type Report } from "../../shared/index.ts";
import type { SubmissionDetail, SubmissionDiff } from "./api-schemas.ts";

const delta = (from: number, to: number): number => fromCents(toCents(to) - toCents(from));

function findingKeys(report: Report): Map<string, { code: string; criterion: string | null; severity: string }> {
  const keys = new Map<string, { code: string; criterion: string | null; severity: string }>();
  for (const f of report.findings) keys.set(`${f.code}|${f.criterion ?? ""}|${f.cell ?? ""}`, { code: f.code, criterion: f.criterion ?? null, severity: f.severity });
  return keys;
}

/** What changed between two stored versions, item by item (only changed items are listed). */
export function diffSubmissions(a: SubmissionDetail, b: SubmissionDetail): SubmissionDiff {
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
