import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument, REPO_ROOT } from "./openapi-document.ts";

interface LintProblem {
  ruleId: string;
  severity: "error" | "warn";
  message: string;
  location: { pointer?: string }[];
}

/**
 * The printed document is an isolate's first (scripts/print-openapi.ts, a fresh process): it must
 * be the one later requests get, nullable references written as anyOf [$ref, null] (API6-5: the
 * first document forbade `clientReport: null`, a province's `parentId: null` and `validTo: null`).
 */
describe("the printed /openapi.json is the one every request gets", () => {
  it("writes a nullable reference as anyOf [$ref, null], never allOf", () => {
    const { doc } = openApiDocument();
    const schemas = (doc as unknown as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } }).components.schemas;
    expect(schemas["SubmissionDetail"]!.properties["clientReport"]).toEqual({ anyOf: [{ $ref: "#/components/schemas/Report" }, { type: "null" }] });
    expect(JSON.stringify(doc)).not.toMatch(/"allOf":\[\{"\$ref":"[^"]+"\},\{"type":\[[^\]]*"null"\]\}\]/);
  });
});

/** Redocly's recommended rules (its default) over the generated document: no errors allowed. */
describe("/openapi.json passes a standard OpenAPI linter", () => {
  it("redocly lint: 0 errors", () => {
    const dir = mkdtempSync(join(tmpdir(), "parindex-openapi-"));
    try {
      const file = join(dir, "openapi.json");
      writeFileSync(file, openApiDocument().text);
      const run = spawnSync(process.execPath, [join(REPO_ROOT, "node_modules/@redocly/cli/bin/cli.js"), "lint", file, "--format=json"], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_UPDATE_NOTIFIER: "1" },
        maxBuffer: 64 * 1024 * 1024,
      });
      const json = run.stdout.slice(run.stdout.indexOf("{"));
      const { problems } = JSON.parse(json) as { problems: LintProblem[] };
      const summary = (p: LintProblem) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ""}: ${p.message}`;
      console.log(`redocly lint: ${problems.filter((p) => p.severity === "error").length} errors, ${problems.filter((p) => p.severity === "warn").length} warnings`);
      for (const p of problems) console.log(summary(p));
      expect(problems.filter((p) => p.severity === "error").map(summary)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
