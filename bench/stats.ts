/** Small helpers for benchmarks that report ratios measured in one run. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function fmt(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

export interface InterleaveOptions {
  rounds: number;
  /** Untimed runs of each workload first, so steady state is compared with steady state. */
  warmup?: number;
  /** Each workload repeats within a round until about this long (ms), so short ones rise above the timer's noise. */
  batchMs?: number;
}

export interface Timing {
  /** Median wall time per run, ms. */
  ms: number;
  /**
   * Median CPU time of this process per run (user + system, all its threads), ms: on a
   * shared machine the wall time also holds the waits for a core and for the GC's helper
   * threads, which grow with the heap; the CPU time does not.
   */
  cpuMs: number;
}

/**
 * Median times per run of each workload, measured round after round in turn, so a busy
 * moment of this shared machine falls on all of them alike. Interleave workloads of one
 * size: a large one leaves garbage that the next one collects on its own time.
 */
export function interleavedMedians<K extends string>(work: Record<K, () => unknown>, opts: InterleaveOptions): Record<K, Timing> {
  const names = Object.keys(work) as K[];
  const reps = {} as Record<K, number>;
  for (const name of names) {
    const t0 = performance.now();
    for (let i = 0; i < (opts.warmup ?? 1); i++) work[name]();
    const perRun = (performance.now() - t0) / (opts.warmup ?? 1);
    reps[name] = Math.max(1, Math.round((opts.batchMs ?? 0) / Math.max(perRun, 0.001)));
  }
  const wall = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  const cpu = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < opts.rounds; round++) {
    // a b c, c b a, …: neither runs always first after a pause.
    for (const name of round % 2 ? [...names].reverse() : names) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (let i = 0; i < reps[name]; i++) work[name]();
      wall[name].push((performance.now() - t0) / reps[name]);
      const c = process.cpuUsage(c0);
      cpu[name].push((c.user + c.system) / 1000 / reps[name]);
    }
  }
  return Object.fromEntries(names.map((n) => [n, { ms: median(wall[n]), cpuMs: median(cpu[n]) }])) as Record<K, Timing>;
}
