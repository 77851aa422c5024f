import { rm } from "node:fs/promises";
import { BUILT_ADDIN_ENV, builtAddinTemplate } from "./built-addin.ts";

/** Vitest global setup of the projects that use the build: one build per run, started while other tests run. */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env[BUILT_ADDIN_ENV]) return undefined;
  const { root, done } = await builtAddinTemplate();
  process.env[BUILT_ADDIN_ENV] = root;
  return async () => {
    await done;
    await rm(root, { recursive: true, force: true });
    delete process.env[BUILT_ADDIN_ENV];
  };
}
