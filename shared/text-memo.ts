/**
 * Pure functions of a cell's text remembered by that text: its reading as a code, its folded
 * form, its header label and column kind. Each memo keeps at most `kept` texts and is emptied
 * when full, so a Worker or a CLI run over 200 workbooks never holds more, while the texts every
 * unit's workbook of one template shares ("1.1", "Tiêu chí", "Điểm tự chấm") are found again.
 *
 * Remembered texts make a second check of a workbook cheaper than its first: the engine bench
 * measures both (bench/engine.bench.ts, "cold" rounds empty them with forgetTextMemos first),
 * since a small table's texts stay remembered from round to round and a large one's do not.
 */
const memos: Map<string, unknown>[] = [];

/** `compute` remembered by text, at most `kept` texts at a time. */
export function textMemo<V extends NonNullable<unknown> | null>(kept: number, compute: (text: string) => V): (text: string) => V {
  const memo = new Map<string, V>();
  memos.push(memo as Map<string, unknown>);
  return (text) => {
    let value = memo.get(text);
    if (value === undefined) {
      value = compute(text);
      if (memo.size >= kept) memo.clear();
      memo.set(text, value);
    }
    return value;
  };
}

/** Empties every text memo: the next check reads its workbook as if none had been read before. */
export function forgetTextMemos(): void {
  for (const memo of memos) memo.clear();
}
