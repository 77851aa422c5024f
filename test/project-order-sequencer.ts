import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The order `npm test` hands test files to its workers, one per core (issue 17, item 6):
 * the quick in-process projects first, while the run's seeded D1 template is prepared
 * (dev/seeded-d1.global-setup.ts); then the files that start wrangler and Chromium and wait
 * for that template; last the Worker suite's many short files, which fill both cores to the
 * end instead of one long file running alone. Within a project, vitest's own order (slowest
 * first once it has timings). A project not listed here runs before the Worker suite.
 */
const PROJECT_ORDER = ["addin", "cli", "engine", "browser", "worker-node", "worker"];

const rank = (spec: TestSpecification): number => {
  const i = PROJECT_ORDER.indexOf(spec.project.name);
  return i >= 0 ? i : PROJECT_ORDER.indexOf("worker") - 0.5;
};

export class ProjectOrderSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // Array.prototype.sort is stable: the base order survives within a project.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
