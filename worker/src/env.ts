/** Bindings of the Worker (wrangler.toml) and what middleware puts on the context. */
export interface Env {
  DB: D1Database;
  /** Evidence archive: the submitted workbook files (R2; local under wrangler dev and tests). */
  ARCHIVE?: R2Bucket;
  /** Request bodies above this many bytes get 413 (default 2 MiB). */
  MAX_BODY_BYTES?: string;
  /** Comma-separated origins allowed to call the API from a browser (default https://localhost:3000). */
  ALLOWED_ORIGINS?: string;
  /** "1" only in the test config: lets `X-Test-Now` set the clock. Never set in production. */
  ALLOW_TEST_CLOCK?: string;
  /** "1" only under the benchmark: enables the raw-insert comparison route. */
  BENCH_RAW_INSERT?: string;
  /** The built add-in (wrangler.toml [env.production.assets]): absent where the Worker serves the API alone. */
  ASSETS?: Fetcher;
}

export type Role = "unit" | "reviewer" | "admin";

/** Who is calling: the token row behind the bearer secret. */
export interface Principal {
  tokenId: string;
  role: Role;
  unitId: string | null;
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    principal: Principal;
    /** Set by the idempotency middleware when a create request carries a key. */
    idempotency?: { key: string; requestHash: string; legacyHashes?: readonly string[] | undefined; laterLegacyHashes?: (() => Promise<string[]>) | undefined };
    /**
     * A JSON body as boundedJsonBody read it (strict UTF-8, depth and surrogates checked) and
     * parsed once: the idempotency fingerprint and the route's schema check take this value
     * instead of decoding and parsing the body again. Absent when the body is not JSON text.
     */
    jsonBody?: { value: unknown };
  };
}
