/**
 * A server that never answers: the request ends only when its signal aborts it — at once
 * when the signal is already aborted, as the real fetch does. (Waiting for an "abort" event
 * that had already fired hung the ribbon test whenever a loaded machine spent the command's
 * whole budget before the request was sent.)
 */
export const silent: typeof fetch = (_input, init) =>
  new Promise((_, reject) => {
    const signal = init?.signal;
    if (!signal) return;
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
