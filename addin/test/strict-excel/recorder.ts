import { ACTION_BYTES, type FakeContext } from "./client.ts";
import { payloadBytes } from "./excel-rules.ts";

/**
 * Sub-objects the fake records without modelling (range formats, conditional formats,
 * chart parts): a property set or a call is queued like any action and handed to `apply`
 * at sync. Only the paths `allowed` matches are accepted, so a misspelt or unexpected API
 * fails the test instead of passing silently.
 */
export function recorder(ctx: FakeContext, base: string, allowed: RegExp, apply: (path: string, value: unknown) => void): unknown {
  const join = (prop: string) => (base ? `${base}.${prop}` : prop);
  const queue = (path: string, value: unknown) => {
    if (!allowed.test(path)) throw new TypeError(`strict fake: ${path} is not modelled`);
    ctx.enqueue({ requestBytes: ACTION_BYTES + payloadBytes(value), run: () => apply(path, value) });
  };
  return new Proxy(function () {}, {
    get: (_t, prop) => (typeof prop === "symbol" || prop === "then" ? undefined : recorder(ctx, join(prop), allowed, apply)),
    set: (_t, prop, value) => {
      queue(join(String(prop)), value);
      return true;
    },
    apply: (_t, _this, args: unknown[]) => {
      const path = `${base}()`;
      queue(path, args);
      return recorder(ctx, path, allowed, apply);
    },
  });
}
