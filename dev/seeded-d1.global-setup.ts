import { removeTemplate, SEEDED_D1_ENV, seededD1Template } from "./seeded-d1.ts";

/**
 * Vitest global setup of the projects that start the real Worker or the admin CLI (browser,
 * worker-node): one seeded D1 template for the run, prepared while other tests run. Both
 * projects list this file; whichever runs it first makes the template, the other finds it.
 * Test processes started afterwards inherit the variable that points at it.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env[SEEDED_D1_ENV]) return undefined;
  const { root, done } = await seededD1Template();
  process.env[SEEDED_D1_ENV] = root;
  return async () => {
    await removeTemplate(root, done);
    delete process.env[SEEDED_D1_ENV];
  };
}
