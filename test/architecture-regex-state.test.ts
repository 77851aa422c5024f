import { readdirSync, readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * A pattern with the g or y flag keeps its `lastIndex` between calls: kept at module level and
 * used with `test` or `exec`, it makes one cell's reading depend on the cell read before it
 * (round 39, WB39-1: a commune's file scored 80,5 alone and 81 after another commune's, in one
 * check-dir run — and the Worker's isolates and the pane read many cells in one process). The
 * engine keeps no such pattern at module level: its g/y patterns there serve only `replace`,
 * `match`, `matchAll` and `split`, which start afresh each time. This reads the plain form only
 * (a literal or `new RegExp` with its flags written out); WB39-1's own pattern sat in the
 * sentence lexicon and RATE_WORD came from a helper — round 39's tests score a cell after
 * another and again to guard those.
 */
const SHARED = new URL("../shared/", import.meta.url);

/** Module-level `const NAME = /…/g` or `new RegExp(…, "…g…")` in a source file, and where each is used with test/exec. */
export function statefulPatternCalls(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const stateful = new Set<string>();
  const flagsOf = (init: ts.Expression): string | null => {
    if (ts.isRegularExpressionLiteral(init)) return init.text.slice(init.text.lastIndexOf("/") + 1);
    if (ts.isNewExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === "RegExp") {
      const flags = init.arguments?.[1];
      return flags && ts.isStringLiteralLike(flags) ? flags.text : null;
    }
    return null;
  };
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      const flags = d.initializer && flagsOf(d.initializer);
      if (ts.isIdentifier(d.name) && flags && /[gy]/.test(flags)) stateful.add(d.name.text);
    }
  }
  const calls: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const { expression: target, name } = node.expression;
      if (ts.isIdentifier(target) && stateful.has(target.text) && (name.text === "test" || name.text === "exec")) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        calls.push(`${fileName}:${line + 1} ${target.text}.${name.text}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return calls;
}

describe("the engine's patterns keep no state between cells", () => {
  it("no module-level pattern with the g or y flag is used with test or exec in shared/", () => {
    const files = readdirSync(SHARED).filter((n) => n.endsWith(".ts") && !n.endsWith(".test.ts"));
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((f) => statefulPatternCalls(f, readFileSync(new URL(f, SHARED), "utf8")))).toEqual([]);
  });

  it("finds such a use, literal or constructed, and lets the stateless ones be", () => {
    const text = [
      'const A = /x/g;', 'const B = new RegExp("y", "gu");', 'const C = /z/u;', "const D = /w/gi;",
      "export function f(s: string) { return A.test(s) || B.exec(s) !== null || C.test(s) || s.replace(D, ''); }",
    ].join("\n");
    expect(statefulPatternCalls("probe.ts", text)).toEqual(["probe.ts:5 A.test", "probe.ts:5 B.exec"]);
  });
});
