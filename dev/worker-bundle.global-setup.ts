import { removeWorkerBundle, WORKER_BUNDLE_ENV, workerBundleTemplate } from "./worker-bundle.ts";

/**
 * Vitest global setup of the projects that run the real Worker in Miniflare (dev/real-worker.ts):
 * one build of it per run, made while other tests run. Projects list this file; whichever runs
 * it first builds, the others find it. Test processes started afterwards inherit the variable.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env[WORKER_BUNDLE_ENV]) return undefined;
  const { root, done } = await workerBundleTemplate();
  process.env[WORKER_BUNDLE_ENV] = root;
  return async () => {
    await removeWorkerBundle(root, done);
    delete process.env[WORKER_BUNDLE_ENV];
  };
}
