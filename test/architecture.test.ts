import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layout holds (issue 12): the edges (worker/src, addin/src, cli) meet only through the
 * engine and the small parts no edge owns (xlsx/ reads .xlsx into a Grid; dev/ runs the whole
 * thing locally), and no module takes part in an import circle. Read from the sources, so a
 * new file cannot slip past.
 */
const ROOTS = ["shared", "xlsx", "cli", "worker", "addin", "dev", "bench", "fixtures", "test"];
const SKIP = new Set(["node_modules", "dist", ".wrangler"]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (SKIP.has(name)) return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

function localImports(file: string): string[] {
  const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, "");
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;'"]*?from\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]!);
  return specs.filter((s) => s.startsWith(".")).map((s) => normalize(join(dirname(file), s)));
}

const files = ROOTS.flatMap((r) => sources(r));
const graph = new Map(files.map((f) => [f, localImports(f)]));

const EDGES: Record<string, RegExp> = {
  "worker/src": /^(cli|addin|dev)\//,
  "addin/src": /^(cli|worker|dev)\//,
  cli: /^(worker|addin|dev)\//,
};

describe("architecture", () => {
  it.each(Object.keys(EDGES))("%s imports no other edge", (edge) => {
    const crossing = files
      .filter((f) => f.startsWith(`${edge}/`) && !f.endsWith(".test.ts"))
      .flatMap((f) => graph.get(f)!.filter((to) => EDGES[edge]!.test(to)).map((to) => `${f} → ${to}`));
    expect(crossing).toEqual([]);
  });

  it("every relative import names a file that exists", () => {
    const missing = [...graph].flatMap(([f, tos]) => tos.filter((to) => !graph.has(to) && !/\.(json|css|html)$/.test(to) && !safeExists(to)).map((to) => `${f} → ${to}`));
    expect(missing).toEqual([]);
  });

  it("has no import circles", () => {
    expect(circles(graph).map((c) => c.map((f) => relative(".", f)).join(" → "))).toEqual([]);
  });
});

function safeExists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Strongly connected components with more than one module (Tarjan), or a module importing itself. */
function circles(g: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of g.get(v) ?? []) {
      if (!g.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (g.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of g.keys()) if (!index.has(v)) visit(v);
  return found;
}
