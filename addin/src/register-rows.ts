import { documentReference, formatDateVi, type EvidenceRegister, type Locale, type RegisterDocument } from "../../shared/index.ts";
import { parseCellRef } from "./cell-address.ts";
import { STRINGS } from "./i18n.ts";
import { INSIGHT_STRINGS } from "./i18n-insight.ts";
import { formatStamp } from "./format.ts";
import type { OwnSheetSpec } from "./own-sheet.ts";

/** The evidence register of the last check as an own sheet: one row per cited document. */

/** `'Tự đánh giá'!F28` → `Tự đánh giá!F28`: a leading quote would be taken as Excel's text prefix. */
function plainCell(ref: string): string {
  const target = parseCellRef(ref);
  return target ? `${target.sheet}!${target.address}` : ref;
}

function documentRow(d: RegisterDocument, index: number, locale: Locale): (string | number)[] {
  const yes = INSIGHT_STRINGS[locale].yes;
  const flags = STRINGS[locale].register.flags;
  const other = d.flags.filter((f) => f !== "DATE_CONFLICT" && f !== "OUT_OF_PERIOD").map((f) => flags[f]);
  return [
    index + 1,
    d.kind ?? "",
    documentReference(d),
    d.dates[0] ?? "",
    d.dates.slice(1).map(formatDateVi).join("; "),
    d.criteria.join(", "),
    d.cells.map(plainCell).join("; "),
    d.flags.includes("DATE_CONFLICT") ? yes : "",
    d.flags.includes("OUT_OF_PERIOD") ? yes : "",
    other.join("; "),
    [...new Set(d.citations.map((c) => c.text))].join(" | "),
  ];
}

export function registerSheet(register: EvidenceRegister, locale: Locale, now: Date): OwnSheetSpec {
  const t = INSIGHT_STRINGS[locale];
  const s = t.registerSheet;
  const h = s.headers;
  const flagged = register.documents.filter((d) => d.flags.length > 0).length;
  const wide = (i: number) => ({ header: h[i]!, format: "text" as const, wrap: true });
  return {
    role: "register",
    title: s.title,
    notes: [s.scope(register.criteriaSet, formatDateVi(register.period.from), formatDateVi(register.period.to)), s.counts(register.documents.length, flagged), t.generated(formatStamp(now))],
    tables: [
      {
        name: "SoTaiLieuKiemChung",
        caption: s.table,
        columns: [
          { header: h[0]!, format: "integer" },
          { header: h[1]!, format: "text" },
          { header: h[2]!, format: "text" },
          { header: h[3]!, format: "date" },
          { header: h[4]!, format: "text" },
          { header: h[5]!, format: "text" },
          wide(6),
          { header: h[7]!, format: "text" },
          { header: h[8]!, format: "text" },
          { header: h[9]!, format: "text" },
          wide(10),
        ],
        rows: register.documents.map((d, i) => documentRow(d, i, locale)),
        empty: s.empty,
      },
    ],
    charts: [],
    freezeHeader: true,
  };
}
