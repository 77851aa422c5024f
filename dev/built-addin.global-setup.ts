import { rm } from "node:fs/promises";
import { buildEnv, builtAddinTemplate, type BuildKind } from "./built-addin.ts";

/**
 * Vitest global setups of the projects that use a build of the add-in (dev/built-addin.ts):
 * one build of each kind per run, started while other tests run. Projects list the kinds
 * they use; whichever runs a kind first makes it, the others find it.
 */
export function buildOnce(kind: BuildKind): () => Promise<(() => Promise<void>) | undefined> {
  return async () => {
    const env = buildEnv(kind);
    if (process.env[env]) return undefined;
    const { root, done } = await builtAddinTemplate(kind);
    process.env[env] = root;
    return async () => {
      await done;
      await rm(root, { recursive: true, force: true });
      delete process.env[env];
    };
  };
}

/** The production build (the build test, the boot test, the deployment and npm-start tests). */
export default buildOnce("production");
