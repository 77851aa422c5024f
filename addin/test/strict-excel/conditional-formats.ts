import type { Bounds, StrictSheet } from "./book.ts";
import { ACTION_BYTES, type FakeContext } from "./client.ts";
import { FakeOfficeError, payloadBytes, SECTION_OF, type StrictConditionalFormat } from "./excel-rules.ts";

/**
 * A range's ConditionalFormatCollection: `add(type)` (ExcelApi 1.6) puts a format on top of the
 * book's list at sync; its rule and fill are set through the section of its type, and setting
 * another type's section is refused (undocumented: the stricter reading). Each action is also
 * recorded as a style path, as before ("conditionalFormats.add().textComparison.rule"…).
 */
export function conditionalFormats(ctx: FakeContext, where: (action: string) => { sheet: StrictSheet; b: Bounds }, style: (path: string, value: unknown) => void, clearAll: () => void): unknown {
  const queue = (requestBytes: number, run: () => void) => ctx.enqueue({ requestBytes, run });
  const add = (type: string) => {
    const cf: StrictConditionalFormat = { sheetId: "", bounds: { r0: 0, c0: 0, r1: 0, c1: 0 }, type, rule: null, fill: null };
    queue(ACTION_BYTES, () => {
      const { sheet, b } = where("conditionalFormats.add");
      Object.assign(cf, { sheetId: sheet.id, bounds: b });
      ctx.book.conditionalFormats.unshift(cf);
      style("conditionalFormats.add()", [type]);
    });
    const section = (name: string) => {
      const set = (path: string, value: unknown, apply: () => void) =>
        queue(ACTION_BYTES + payloadBytes(value), () => {
          if (SECTION_OF[cf.type] !== name) throw new FakeOfficeError("InvalidArgument", `A ${cf.type} conditional format has no ${name}.`, `ConditionalFormat.${name}`);
          apply();
          style(`conditionalFormats.add().${name}.${path}`, value);
        });
      const colour = (path: string, apply: (v: string) => void) => ({ set color(v: string) { set(path, v, () => apply(v)); } });
      return {
        format: { fill: colour("format.fill.color", (v) => (cf.fill = v)), font: colour("format.font.color", () => {}) },
        set rule(v: unknown) {
          set("rule", v, () => (cf.rule = v));
        },
      };
    };
    return { textComparison: section("textComparison"), cellValue: section("cellValue") };
  };
  return { add, clearAll: () => queue(ACTION_BYTES, clearAll) };
}
