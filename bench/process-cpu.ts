import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time of a process and its descendants, from Linux's per-thread scheduler counters
 * (/proc/<pid>/task/<tid>/schedstat: nanoseconds on a CPU). For benches that time a server
 * in other processes (wrangler dev → workerd, D1 inside it): on a machine shared with other
 * work, the wall time of a request also holds its waits for a core; its CPU time does not.
 * Threads that ended between two readings are lost, so compare steady servers only.
 */
function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ")".
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      byParent.set(ppid, [...(byParent.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while the table was read.
    }
  }
  return byParent;
}

/** The process and all its descendants, as they are now. */
export function processTree(root: number): number[] {
  const byParent = children();
  const out: number[] = [];
  for (let todo = [root]; todo.length > 0; ) {
    const pid = todo.pop()!;
    out.push(pid);
    todo.push(...(byParent.get(pid) ?? []));
  }
  return out;
}

/** Nanoseconds on a CPU so far, summed over every thread of the given processes. */
export function cpuNs(pids: readonly number[]): number {
  let ns = 0;
  for (const pid of pids) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
      } catch {
        // The thread ended between the listing and the read.
      }
    }
  }
  return ns;
}
