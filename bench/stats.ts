/** Small helpers for benchmarks that report ratios measured in one run. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function fmt(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

/**
 * With `node --expose-gc` (bench/run.ts passes it), garbage left by one workload is
 * collected before the next is timed, instead of during it: a 100,000-row workload must not
 * bill its heap to the 100-row one measured after it.
 */
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => {});

export interface InterleaveOptions {
  rounds: number;
  /** Untimed runs of each workload first, so steady state is compared with steady state. */
  warmup?: number;
  /** Each workload repeats within a round until about this long (ms), so short ones rise above the timer's noise. */
  batchMs?: number;
}

/**
 * Median ms per run of each workload, measured round after round in turn,
 * so a busy moment of this shared machine falls on all of them alike.
 */
export function interleavedMedians<K extends string>(work: Record<K, () => unknown>, opts: InterleaveOptions): Record<K, number> {
  const names = Object.keys(work) as K[];
  const reps = {} as Record<K, number>;
  for (const name of names) {
    const t0 = performance.now();
    for (let i = 0; i < (opts.warmup ?? 1); i++) work[name]();
    const perRun = (performance.now() - t0) / (opts.warmup ?? 1);
    reps[name] = Math.max(1, Math.round((opts.batchMs ?? 0) / Math.max(perRun, 0.001)));
  }
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < opts.rounds; round++) {
    // a b c, c b a, …: neither runs always first after a pause.
    for (const name of round % 2 ? [...names].reverse() : names) {
      collectGarbage();
      const t0 = performance.now();
      for (let i = 0; i < reps[name]; i++) work[name]();
      samples[name].push((performance.now() - t0) / reps[name]);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n])])) as Record<K, number>;
}
