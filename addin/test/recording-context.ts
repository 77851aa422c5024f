/**
 * A write-side Excel.RequestContext that records every call and assignment as a path,
 * e.g. `workbook.worksheets.add("Tổng hợp").tables.add("A1:L4",true)`, and counts syncs.
 * Writes need no loads, so a recorder checks what the code asks Excel to do.
 */
export interface Recorded {
  path: string;
  args?: unknown[];
  value?: unknown;
}

export function recordingContext(): { context: Excel.RequestContext; ops: Recorded[]; syncs: () => number } {
  const ops: Recorded[] = [];
  let syncs = 0;
  const node = (path: string): unknown =>
    new Proxy(function () {}, {
      get: (_t, prop) => (typeof prop === "symbol" || prop === "then" ? undefined : node(path ? `${path}.${prop}` : prop)),
      set: (_t, prop, value) => (ops.push({ path: `${path}.${String(prop)}`, value }), true),
      apply: (_t, _this, args) => {
        ops.push({ path, args });
        return node(`${path}(${args.map((a) => JSON.stringify(a)).join(",")})`);
      },
    });
  const context = new Proxy(
    {},
    {
      get: (_t, prop) => {
        if (prop === "sync") return async () => void syncs++;
        if (prop === "then") return undefined;
        return node(String(prop));
      },
    },
  );
  return { context: context as Excel.RequestContext, ops, syncs: () => syncs };
}
