import { z } from "zod";
import { CriteriaSetSchema, ReportSchema, type CriteriaSet } from "../../../shared/index.ts";
import { RankingSchema, type Ranking } from "../../../shared/index.ts";
import { AnalysisSchema, MeSchema, TrendSchema, UnitHistorySchema, type Analysis, type Me, type Trend, type UnitHistory } from "../../../shared/index.ts";
import {
  ActivationSchema,
  IssuedCodesSchema,
  UnitImportResultSchema,
  UnitTypeSchema,
  type Activation,
  type IssueCodesRequest,
  type IssuedCodes,
  type Locale,
  type UnitImportResult,
  type UnitImportRow,
} from "../../../shared/index.ts";

/** The Worker's HTTP API as the add-in uses it (API-NOTES.md); every answer validated with zod. */
export const SubmissionCreatedSchema = z.object({ id: z.string(), version: z.number().int(), unit: z.string(), period: z.string(), report: ReportSchema });
export type SubmissionCreated = z.infer<typeof SubmissionCreatedSchema>;
export const PeriodSchema = z.object({ id: z.string(), year: z.number().int(), criteriaSet: z.object({ id: z.string(), version: z.number().int() }), deadline: z.string(), locked: z.boolean() });
export type Period = z.infer<typeof PeriodSchema>;
const PeriodListSchema = z.object({ items: z.array(PeriodSchema) });
const CriteriaSetDetailSchema = z.object({ id: z.string(), version: z.number().int(), set: CriteriaSetSchema });
const StoredVersionSchema = z.object({ id: z.string(), version: z.number().int() });
/** A criteria set version not yet published, as GET /v1/criteria-sets?status=draft lists it (admins). */
export const DraftVersionSchema = z.object({ id: z.string(), version: z.number().int(), title: z.string(), year: z.number().int(), unitType: UnitTypeSchema });
export type DraftVersion = z.infer<typeof DraftVersionSchema>;
/** Drafts are few (an admin's imports not yet published): one page of the largest size holds them. */
const DraftListSchema = z.object({ items: z.array(DraftVersionSchema) });
const EnvelopeSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
/** One page of the JSON ranking: the whole ranking's head, this page's items, `nextCursor` null (or, from a server that does not page, absent) on the last. */
const RankingPageSchema = RankingSchema.extend({ nextCursor: z.string().nullable().optional() });
/** Pages followed at most (a province's few thousand units take a few dozen): a server that kept answering cursors is not followed for ever. */
const MAX_RANKING_PAGES = 1_000;

/** The unit tree as GET /v1/units gives it (the caller's scope, valid today): what codes are issued for. */
export interface UnitNode {
  id: string;
  name: string;
  type: z.infer<typeof UnitTypeSchema>;
  children: UnitNode[];
}
const UnitNodeSchema: z.ZodType<UnitNode> = z.object({ id: z.string(), name: z.string(), type: UnitTypeSchema, children: z.array(z.lazy(() => UnitNodeSchema)) });
const UnitTreeSchema = z.object({ units: z.array(UnitNodeSchema) });

export interface ApiFailure {
  ok: false;
  /** offline: no answer at all (TIMEOUT: none in time); http: the server answered with an error; invalid: an answer we cannot read. */
  kind: "offline" | "http" | "invalid";
  status: number | null;
  code: string;
  /** The server's own sentence (in the language asked with Accept-Language), for codes the pane has no words of its own for. */
  message?: string;
  /** Worth retrying later with the same idempotency key. */
  retryable: boolean;
}
export type ApiResult<T> = { ok: true; value: T } | ApiFailure;

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * How long one request may take. A stalled connection must not outlive a ribbon command
 * (Office stops function commands after 5 minutes, api/deadline.ts); a submission may carry
 * 2 MB over a commune's slow line, so it gets longer than a read.
 */
export const REQUEST_TIMEOUT_MS = { read: 30_000, submit: 90_000 };

/**
 * A GET whose answer has not begun within this long is asked once more, within the same
 * timeout: a connection a proxy or the server dropped without a word (seen of `wrangler dev`
 * in the browser tests: one GET in hundreds never answered, and the pane waited its 30 s)
 * answers the second time, where the user would otherwise wait the whole timeout for an
 * error. Only the wait for the answer's start counts: a large answer still arriving over a
 * slow line is never cut and asked again.
 */
export const ANSWER_START_MS = 10_000;

export interface ClientLimits {
  timeoutMs?: { read: number; submit: number };
  /** ANSWER_START_MS (tests shorten it). */
  answerStartMs?: number;
  /** Aborts every request still running when the command's overall time is up. */
  deadline?: AbortSignal;
  /** Asked of the server (Accept-Language) for the sentences it writes itself, such as a units sheet's problems. */
  locale?: Locale;
}

export class ApiClient {
  constructor(
    /** "" is the pane's own origin: the deployed Worker serves the add-in beside /v1 (API-NOTES "One origin"). */
    readonly server: string,
    private readonly token: string,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
    private readonly limits: ClientLimits = {},
  ) {}

  /** The same caller against another server (a queued submission goes back where it was first sent). */
  withServer(server: string): ApiClient {
    return new ApiClient(server, this.token, this.fetchImpl, this.limits);
  }

  private async request<T>(method: string, path: string, schema: z.ZodType<T>, init: { body?: string; headers?: Record<string, string> } = {}): Promise<ApiResult<T>> {
    const timeouts = this.limits.timeoutMs ?? REQUEST_TIMEOUT_MS;
    const signal = requestSignal(init.body === undefined ? timeouts.read : timeouts.submit, this.limits.deadline);
    let response: Response;
    let json: unknown;
    try {
      const headers: Record<string, string> = { Accept: "application/json", ...init.headers };
      // /v1/activate is the one call made before there is a token.
      if (this.token) headers.Authorization = `Bearer ${this.token}`;
      if (this.limits.locale) headers["Accept-Language"] = this.limits.locale;
      if (init.body !== undefined) headers["Content-Type"] = "application/json; charset=utf-8";
      const url = `${this.server.replace(/\/+$/, "")}${path}`;
      const body = init.body !== undefined ? { body: init.body } : {};
      response = method === "GET" ? await this.askedAgainIfUnanswered(url, { method, headers }, signal) : await this.fetchImpl(url, { method, headers, signal, ...body });
      json = await response.json().catch((e: unknown) => {
        if (signal.aborted) throw e;
        return undefined;
      });
    } catch {
      // A request cut by its timeout may have reached the server: retrying with the same key is safe.
      return { ok: false, kind: "offline", status: null, code: signal.aborted ? "TIMEOUT" : "OFFLINE", retryable: true };
    }
    if (!response.ok) {
      const envelope = EnvelopeSchema.safeParse(json);
      const code = envelope.success ? envelope.data.error.code : `HTTP_${response.status}`;
      return { ok: false, kind: "http", status: response.status, code, retryable: RETRYABLE_STATUS.has(response.status), ...(envelope.success ? { message: envelope.data.error.message } : {}) };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) return { ok: false, kind: "invalid", status: response.status, code: "INVALID_RESPONSE", retryable: false };
    return { ok: true, value: parsed.data };
  }

  /**
   * A GET asked once more when its answer has not begun within ANSWER_START_MS (the first
   * attempt abandoned), both under the request's own signal; the answer that comes goes on
   * following that signal while its body is read.
   */
  private async askedAgainIfUnanswered(url: string, init: RequestInit, signal: AbortSignal): Promise<Response> {
    const first = new AbortController();
    if (signal.aborted) first.abort(signal.reason);
    else signal.addEventListener("abort", () => first.abort(signal.reason), { once: true });
    const unanswered = setTimeout(() => first.abort(new DOMException("no answer began", "TimeoutError")), this.limits.answerStartMs ?? ANSWER_START_MS);
    try {
      return await this.fetchImpl(url, { ...init, signal: first.signal });
    } catch (e) {
      // The request's own timeout or deadline, or a failure of the network: said as it was.
      if (signal.aborted || !first.signal.aborted) throw e;
      return await this.fetchImpl(url, { ...init, signal });
    } finally {
      clearTimeout(unanswered);
    }
  }

  /** `body` is the exact JSON first sent: a retry must resend the same bytes with the same key. */
  submit(body: string, idempotencyKey: string): Promise<ApiResult<SubmissionCreated>> {
    return this.request("POST", "/v1/submissions", SubmissionCreatedSchema, { body, headers: { "Idempotency-Key": idempotencyKey } });
  }

  /** One page of 200, newest year first: far more than a province's periods of a few years. */
  async periods(): Promise<ApiResult<Period[]>> {
    const r = await this.request("GET", "/v1/periods?limit=200", PeriodListSchema);
    return r.ok ? { ok: true, value: r.value.items } : r;
  }

  async criteriaSet(id: string, version: number): Promise<ApiResult<CriteriaSet>> {
    const r = await this.request("GET", `/v1/criteria-sets/${encodeURIComponent(id)}?version=${version}`, CriteriaSetDetailSchema);
    return r.ok ? { ok: true, value: r.value.set } : r;
  }

  /**
   * The whole consolidated ranking (one request: the Worker answers it whole without ?limit,
   * and its pages are followed should a server page anyway): every unit of the period, each with its rank in the whole
   * ranking, for the consolidated sheet. A cursor is of the ranking it paged: when that ranking
   * changed between two pages the server answers 409 RANKING_CHANGED, and the pull starts again
   * from the first page, once (a second change in a row is said to the user). A unit met again
   * on a later page (a server that does not say so) is kept once, where it was first met.
   */
  async ranking(periodId: string): Promise<ApiResult<Ranking>> {
    const first = await this.rankingPages(periodId);
    return !first.ok && first.status === 409 && first.code === "RANKING_CHANGED" ? this.rankingPages(periodId) : first;
  }

  private async rankingPages(periodId: string): Promise<ApiResult<Ranking>> {
    // No ?limit: the Worker answers the whole ranking at once; the cursor loop is for a server that pages anyway.
    const path = `/v1/periods/${encodeURIComponent(periodId)}/ranking`;
    const r = await this.request("GET", path, RankingPageSchema);
    // A 404 that is not about the period means this server has no ranking route yet.
    if (!r.ok && r.status === 404 && r.code !== "PERIOD_NOT_FOUND") return { ...r, code: "RANKING_UNSUPPORTED" };
    if (!r.ok) return r;
    const { nextCursor, ...ranking } = r.value;
    const items = [...ranking.items];
    const seen = new Set(items.map((i) => i.unit));
    let cursor = nextCursor ?? null;
    for (let pages = 1; cursor !== null; pages++) {
      if (pages >= MAX_RANKING_PAGES) return { ok: false, kind: "invalid", status: 200, code: "INVALID_RESPONSE", retryable: false };
      const page = await this.request("GET", `${path}?cursor=${encodeURIComponent(cursor)}`, RankingPageSchema);
      if (!page.ok) return page;
      for (const item of page.value.items) if (!seen.has(item.unit)) seen.add(item.unit), items.push(item);
      // A cursor that does not move on would never end.
      if (page.value.nextCursor === cursor) return { ok: false, kind: "invalid", status: 200, code: "INVALID_RESPONSE", retryable: false };
      cursor = page.value.nextCursor ?? null;
    }
    return { ok: true, value: { ...ranking, items } };
  }

  /** Who the token belongs to; a server without the route answers INSIGHT_UNSUPPORTED. */
  async me(): Promise<ApiResult<Me>> {
    return insightFailure(await this.request("GET", "/v1/me", MeSchema), "");
  }

  /** Weak criteria of a period: reviewers and admins (a unit token → INSIGHT_FORBIDDEN). */
  async analysis(periodId: string): Promise<ApiResult<Analysis>> {
    return insightFailure(await this.request("GET", `/v1/periods/${encodeURIComponent(periodId)}/analysis`, AnalysisSchema), "PERIOD_NOT_FOUND");
  }

  /** A unit's years: a unit token its own unit, a reviewer its subtree (else UNIT_NOT_VISIBLE). */
  async history(unitId: string): Promise<ApiResult<UnitHistory>> {
    const r = await this.request("GET", `/v1/units/${encodeURIComponent(unitId)}/history`, UnitHistorySchema);
    // The Worker answers 404 for unknown units and for units outside the token's scope alike,
    // and 400 for text that cannot be a unit id at all: for the user, all three are "no such unit".
    if (!r.ok && ((r.status === 404 && r.code === "UNIT_NOT_FOUND") || r.status === 400)) return { ...r, code: "UNIT_NOT_VISIBLE" };
    return insightFailure(r, "UNIT_NOT_VISIBLE");
  }

  /** Redeem an activation code for the unit's token (no token needed: this is how a unit gets one). */
  /** The same code sent again after a lost answer carries the same key: the server answers the same token. */
  activate(code: string, idempotencyKey: string): Promise<ApiResult<Activation>> {
    return this.request("POST", "/v1/activate", ActivationSchema, { body: JSON.stringify({ code }), headers: { "Idempotency-Key": idempotencyKey } });
  }

  /** The units in the token's scope valid today, as a tree. */
  async unitTree(): Promise<ApiResult<UnitNode[]>> {
    const r = await this.request("GET", "/v1/units", UnitTreeSchema);
    return r.ok ? { ok: true, value: r.value.units } : r;
  }

  /** Codes for a list of units or every open unit below one (reviewers: below their own unit). */
  issueCodes(body: IssueCodesRequest, days: number, idempotencyKey: string): Promise<ApiResult<IssuedCodes>> {
    return this.request("POST", `/v1/activation-codes?days=${days}`, IssuedCodesSchema, { body: JSON.stringify(body), headers: { "Idempotency-Key": idempotencyKey } });
  }

  /** Units from a sheet: a preview (`dryRun`, nothing created) or the one all-or-nothing create. */
  importUnits(rows: UnitImportRow[], dryRun: boolean, idempotencyKey: string): Promise<ApiResult<UnitImportResult>> {
    return this.request("POST", "/v1/units/import", UnitImportResultSchema, { body: JSON.stringify({ rows, dryRun }), headers: dryRun ? {} : { "Idempotency-Key": idempotencyKey } });
  }

  /**
   * A criteria set as a draft version: version 1 of a new id, else the next version of that
   * id (a published version is never overwritten). The answer says which version it became.
   */
  async publishDraft(set: CriteriaSet, idempotencyKey: string): Promise<ApiResult<{ id: string; version: number }>> {
    const body = JSON.stringify({ set, status: "draft" });
    const headers = { "Idempotency-Key": idempotencyKey };
    const created = await this.request("POST", "/v1/criteria-sets", StoredVersionSchema, { body, headers });
    if (created.ok || created.code !== "CRITERIA_SET_EXISTS") return created;
    return this.request("PUT", `/v1/criteria-sets/${encodeURIComponent(set.id)}`, StoredVersionSchema, { body, headers: { "Idempotency-Key": `${idempotencyKey}-v` } });
  }

  /** The criteria set versions stored as drafts and not yet published (admins), whoever stored them and when. */
  async criteriaDrafts(): Promise<ApiResult<DraftVersion[]>> {
    const r = await this.request("GET", "/v1/criteria-sets?status=draft&limit=200", DraftListSchema);
    return r.ok ? { ok: true, value: r.value.items } : r;
  }

  /** The published criteria set versions (what a unit token lists): one page of the largest size holds a province's few. */
  async publishedSets(): Promise<ApiResult<DraftVersion[]>> {
    const r = await this.request("GET", "/v1/criteria-sets?status=published&limit=200", DraftListSchema);
    return r.ok ? { ok: true, value: r.value.items } : r;
  }

  /** Publishes a draft version (admins): from then on periods can open with it, and it never changes. */
  publishVersion(id: string, version: number): Promise<ApiResult<{ id: string; version: number }>> {
    return this.request("POST", `/v1/criteria-sets/${encodeURIComponent(id)}/versions/${version}/status`, StoredVersionSchema, { body: JSON.stringify({ status: "published" }) });
  }

  /** A unit's appraisal (stage, appraised scores, comments): a unit token reads its own unit's. `schema`: the part that shows it (loaded lazily). */
  appraisal<T>(periodId: string, unitId: string, schema: z.ZodType<T>): Promise<ApiResult<T>> {
    return this.request("GET", appraisalPath(periodId, unitId), schema);
  }

  /** The unit's explanations as one `explain` step; the same key on a resend after a lost answer. */
  explain<T>(periodId: string, unitId: string, explanations: { code: string; text: string; evidence?: string }[], idempotencyKey: string, schema: z.ZodType<T>): Promise<ApiResult<T>> {
    const body = JSON.stringify({ action: "explain", explanations });
    return this.request("POST", `${appraisalPath(periodId, unitId)}/transitions`, schema, { body, headers: { "Idempotency-Key": idempotencyKey } });
  }

  /** Band counts year by year for the period's unit level: reviewers and admins. */
  async trend(periodId: string): Promise<ApiResult<Trend>> {
    return insightFailure(await this.request("GET", `/v1/periods/${encodeURIComponent(periodId)}/trend`, TrendSchema), "PERIOD_NOT_FOUND");
  }
}

const appraisalPath = (periodId: string, unitId: string) => `/v1/periods/${encodeURIComponent(periodId)}/units/${encodeURIComponent(unitId)}/appraisal`;

/**
 * The insight routes in the user's words: 403 means the token's role may not see it, and a
 * 404 other than `known` (the period or unit itself) means this server lacks the route.
 */
function insightFailure<T>(r: ApiResult<T>, known: string): ApiResult<T> {
  if (r.ok || r.kind !== "http") return r;
  if (r.status === 403) return { ...r, code: "INSIGHT_FORBIDDEN" };
  if (r.status === 404 && r.code !== known) return { ...r, code: "INSIGHT_UNSUPPORTED" };
  return r;
}

/** One request's signal: its own timeout, and the command's deadline when there is one. */
function requestSignal(timeoutMs: number, deadline: AbortSignal | undefined): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  if (!deadline) return timeout;
  const both = new AbortController();
  for (const s of [timeout, deadline]) {
    if (s.aborted) both.abort(s.reason);
    else s.addEventListener("abort", () => both.abort(s.reason), { once: true });
  }
  return both.signal;
}
