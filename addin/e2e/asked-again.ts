/**
 * Asking the test's local servers again (no Playwright, no Vite here: the pane sessions load
 * this beside every browser file).
 */

/**
 * A request to the local Worker asked again, up to three times in all, when it has no answer in
 * 10 s (a stall `wrangler dev` showed under load, now and then, when the browser tests ran it) or its connection was reset: `ask` sends it with that
 * bound, `retryable` tells those failures from any other, which is thrown at once. `said` hears
 * of each retry and why ("connection reset", "no answer in 10 s"). Only for requests that may
 * be sent twice (GET, HEAD, or a write under an Idempotency-Key).
 */
export async function askedAgain<T>(ask: (timeoutMs: number) => Promise<T>, retryable: (error: unknown) => boolean, said?: (attempt: number, why: string) => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const started = Date.now();
    try {
      return await ask(10_000);
    } catch (error) {
      if (attempt >= 3 || !retryable(error)) throw error;
      said?.(attempt, isConnectionReset(error) ? "connection reset" : `no answer in ${Math.round((Date.now() - started) / 1000)} s`);
    }
  }
}

/**
 * A connection reset under a request ("socket hang up", ECONNRESET, EPIPE; Node's fetch says
 * "other side closed"): what a client sees when it sends a request on a kept-alive connection
 * the server is closing at that moment. A browser sends such an idempotent request again by
 * itself; Playwright's route.fetch and Node's fetch do not.
 */
export function isConnectionReset(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 3; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === "ECONNRESET" || code === "EPIPE" || code === "UND_ERR_SOCKET" || /socket hang up|ECONNRESET|EPIPE|other side closed/.test(e.message)) return true;
  }
  return false;
}

/** A Node fetch bounded by AbortSignal.timeout that ran out, or whose connection was reset: worth asking again (askedAgain). */
export const timedOutOrReset = (error: unknown): boolean => (error instanceof DOMException && error.name === "TimeoutError") || isConnectionReset(error);
