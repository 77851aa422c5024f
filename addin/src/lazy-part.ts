import { PartNotLoaded } from "./errors.ts";

/**
 * A part of the add-in loaded on first use (a dynamic import), loaded once. A load that fails —
 * a dropped connection, a redeploy that renamed the chunk — is forgotten, so the next use asks
 * again instead of failing until the page is reloaded, and it fails as PartNotLoaded, which the
 * pane says as a network problem.
 */
export function lazyPart<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= load().catch((e: unknown) => {
      loading = null;
      throw new PartNotLoaded(e);
    }));
}
