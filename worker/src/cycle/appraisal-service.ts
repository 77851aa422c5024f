import { formatNumber, indexCriteria, isWholeHundredths, scoreLeaf, toCents, type CriteriaNode, type CriteriaSet } from "../../../shared/index.ts";
import type { Principal } from "../env.ts";
import { ApiError, forbidden, quote, type Issue } from "../errors.ts";
import { auditStatement } from "../repositories/audit-repository.ts";
import { bilingual, halves } from "../validation-messages.ts";
import { insertExplanationStatement, insertReviewEventStatement, isRefusal, upsertAppraisalStatement, type ReviewState } from "./review-repository.ts";
import { ACTION_LABEL, nextRound, REVIEW_STEPS, ROLE_LABEL, STATUS_LABEL, turnOf, type ReviewAction, type ReviewStatus } from "./review-workflow.ts";

/** Statements of one workflow step (event + audit [+ explanations]); the trigger re-checks the step. */
export interface StepInput {
  periodId: string;
  unitId: string;
  /** The unit as a refusal names it ("Xã Bình Hòa (xa-binh-hoa)", unitLabel); its id when not given. */
  who?: string | undefined;
  action: ReviewAction;
  reason?: string | undefined;
  explanations?: { code: string; text: string; evidence?: string | string[] | undefined }[] | undefined;
  principal: Principal;
  at: string;
  set: CriteriaSet;
}

const TURN_LABEL = { unit: "đơn vị", reviewer: "cán bộ thẩm định", none: "không ai" } as const;

/** 409 REVIEW_TRANSITION_REFUSED, naming the unit as people know it (`who`: unitLabel, A3-3). */
export function refused(who: string, state: ReviewState, action: ReviewAction | "accept_unchanged"): ApiError {
  const turn = turnOf(state.status);
  return new ApiError(
    409,
    "REVIEW_TRANSITION_REFUSED",
    `${who}: không thể "${ACTION_LABEL[action]}" khi hồ sơ ở trạng thái "${STATUS_LABEL[state.status]}" (lượt của: ${TURN_LABEL[turn]}) / cannot ${action} while ${state.status} (turn: ${turn})`,
  );
}

export function checkRole(principal: Principal, action: ReviewAction): void {
  const step = REVIEW_STEPS[action];
  if (!step.roles.includes(principal.role)) {
    throw forbidden(`Bước "${ACTION_LABEL[action]}" chỉ dành cho ${step.roles.map((r) => ROLE_LABEL[r]).join(" hoặc ")} / ${action} requires role ${step.roles.join(" or ")}`);
  }
}

const REQUIRED = bilingual("bắt buộc, chưa có", "required");

/** A step taken without the reason it needs: the envelope says which step, from where, and what will do. */
function reasonMissing(action: ReviewAction, from: ReviewStatus): ApiError {
  const label = `Bước "${ACTION_LABEL[action]}"`;
  const [vi, en] =
    from === "returned_for_explanation"
      ? [`${label} khi đơn vị chưa giải trình cần lý do kết thúc lượt giải trình (ví dụ: hết thời hạn giải trình)`, `${action} before the unit explained requires a reason for ending the explanation round`]
      : REVIEW_STEPS[action].orComment
        ? [`${label} cần lý do hoặc ít nhất một nhận xét theo tiêu chí trong lượt thẩm định này: đơn vị cần biết phải giải trình gì`, `${action} requires a reason or at least one item comment of this round`]
        : [`${label} cần lý do`, `${action} requires a reason`];
  return new ApiError(400, "VALIDATION_FAILED", bilingual(vi, en), [{ path: "reason", message: REQUIRED }]);
}

/** Is this the refusal of a step sent without the reason it needs (reasonMissing)? */
export const isReasonMissing = (e: unknown): e is ApiError => e instanceof ApiError && e.status === 400 && e.issues?.length === 1 && e.issues[0]?.path === "reason";

/**
 * The reason missing for several units of a bulk step (API8-3): the step's sentence, then which
 * units need it (their ids, as `units.i` issues beside `reason`) — a reviewer finalizing 30
 * communes read that "the unit" had not explained, never which.
 */
export function reasonMissingFor(first: ApiError, units: readonly { index: number; unit: string }[]): ApiError {
  const [vi, en] = halves(first.message);
  const ids = units.map((u) => u.unit).join(", ");
  return new ApiError(400, "VALIDATION_FAILED", bilingual(`${vi}: ${units.length} đơn vị chưa giải trình: ${ids}; không đơn vị nào thay đổi`, `${en}: ${units.length} unit(s) have not explained: ${ids}; nothing changed`), [
    ...(first.issues ?? []),
    ...units.map((u) => ({ path: `units.${u.index}`, message: bilingual(`${u.unit}: chưa giải trình — cần lý do kết thúc lượt giải trình`, `${u.unit}: has not explained — a reason for ending the round is required`) })),
  ]);
}

/** What to do instead of appraising a unit that is not under review, by its status. */
const LOCKED_HINT: Record<ReviewStatus, [string, string]> = {
  not_submitted: ["đơn vị chưa nộp hồ sơ", "the unit has not submitted"],
  submitted: [`bắt đầu thẩm định trước (bước "${ACTION_LABEL.start_review}")`, "start the review first (start_review)"],
  explained: [`bắt đầu thẩm định trước (bước "${ACTION_LABEL.start_review}", lượt mới)`, "start the review first (start_review, next round)"],
  returned_for_explanation: [
    `chờ đơn vị giải trình, hoặc kết thúc lượt giải trình có lý do (bước "${ACTION_LABEL.start_review}" hoặc "${ACTION_LABEL.finalize}")`,
    "wait for the unit's explanation, or end the explanation round with a reason (start_review or finalize)",
  ],
  under_review: ["trạng thái vừa thay đổi, hãy tải lại", "the status changed meanwhile, read it again"],
  final: [`kết quả đã chốt; chỉ quản trị cấp tỉnh mở lại được (bước "${ACTION_LABEL.reopen}")`, "the result is final; only the province can reopen it"],
};

/** 409 APPRAISAL_LOCKED: appraised scores are written only under review; both halves give the status and what to do, naming the unit (`who`: unitLabel). */
export function appraisalLocked(who: string, status: ReviewStatus): ApiError {
  const [vi, en] = LOCKED_HINT[status];
  return new ApiError(
    409,
    "APPRAISAL_LOCKED",
    `${who}: chỉ chấm thẩm định khi hồ sơ đang thẩm định (hiện: "${STATUS_LABEL[status]}"): ${vi} / ${who}: appraise only while under_review (now ${status}): ${en}`,
  );
}

export function stepStatements(db: D1Database, input: StepInput, state: ReviewState): D1PreparedStatement[] {
  const step = REVIEW_STEPS[input.action];
  if (!step.from.includes(state.status)) throw refused(input.who ?? input.unitId, state, input.action);
  if (step.reasonFrom.includes(state.status) && !input.reason && !(step.orComment && state.commented)) throw reasonMissing(input.action, state.status);
  const round = nextRound(input.action, state.status, state.round);
  const explanations = input.explanations ?? [];
  if (input.action === "explain") {
    if (explanations.length === 0) throw new ApiError(400, "VALIDATION_FAILED", "Cần giải trình ít nhất một tiêu chí / explain at least one item", [{ path: "explanations", message: REQUIRED }]);
    const issues = explanationIssues(input.set, explanations);
    if (issues.length) throw new ApiError(422, "UNKNOWN_CRITERION", `Giải trình không hợp lệ / invalid explanations — ${issues[0]!.path}: ${issues[0]!.message}`, issues);
  }
  const id = crypto.randomUUID();
  const base = { periodId: input.periodId, unitId: input.unitId, tokenId: input.principal.tokenId, at: input.at };
  return [
    ...explanations.map((x) =>
      insertExplanationStatement(db, { ...base, round, code: x.code, text: x.text, evidence: Array.isArray(x.evidence) ? x.evidence.join("\n") : (x.evidence ?? "") }),
    ),
    insertReviewEventStatement(db, { ...base, id, status: step.to as never, round, reason: input.reason ?? null }),
    auditStatement(db, {
      at: input.at,
      tokenId: input.principal.tokenId,
      action: `review.${input.action}`,
      entity: "review",
      entityId: `${input.periodId}/${input.unitId}`,
      detail: { event: id, from: state.status, to: step.to, round, reason: input.reason ?? null, explained: explanations.map((x) => x.code) },
    }),
  ];
}

const SHOWN_LEAVES = 8;

/**
 * An explanation is shown on the leaf it names (the appraisal view lists the version's leaves),
 * so it must name one: a group's code or an unknown one would be stored and never seen. Each
 * refused explanation is named, as PUT …/appraisal/items names each refused score.
 */
function explanationIssues(set: CriteriaSet, explanations: { code: string }[]): Issue[] {
  const index = indexCriteria(set);
  return explanations.flatMap((x, i) => {
    const node = index.byCode.get(x.code);
    const path = `explanations.${i}.code`;
    const code = `"${quote(x.code)}"`;
    if (!node) return [{ path, message: `Không có tiêu chí ${code} trong bộ ${set.id} / no criterion ${code} in ${set.id}` }];
    if (node.isLeaf) return [];
    const codes = node.leaves.map((l) => l.code);
    const list = codes.length > SHOWN_LEAVES ? `${codes.slice(0, SHOWN_LEAVES).join(", ")}, …` : codes.join(", ");
    return [{ path, message: `${code} là nhóm tiêu chí: giải trình từng tiêu chí của nhóm (${list}) / ${code} is a group: explain each of its items (${list})` }];
  });
}

/** Runs a batch of workflow statements; a trigger refusal (a concurrent step won) becomes 409. */
export async function runReviewBatch(db: D1Database, statements: D1PreparedStatement[], onRefusal: () => Promise<ApiError>): Promise<void> {
  try {
    await db.batch(statements);
  } catch (e) {
    if (isRefusal(e, "REVIEW_TRANSITION_REFUSED") || isRefusal(e, "APPRAISAL_LOCKED")) throw await onRefusal();
    throw e;
  }
}

export interface AppraisalInput {
  code: string;
  score: number;
  comment?: string | undefined;
}

/**
 * A typed score off its leaf's scale (an option of a choice, a multiple of a manual step), as
 * the engine decides it for a self-score (scoreLeaf's SCORE_STEP); null when it is on it.
 * Ratio and count leaves score their declared data, so only [min, max] bounds an appraisal there.
 */
function offScale(node: CriteriaNode, score: number): [string, string] | null {
  if (node.rule.kind !== "manual" && node.rule.kind !== "choice") return null;
  const step = scoreLeaf({ node, self: { v: score } }).findings.find((f) => f.code === "SCORE_STEP");
  if (!step) return null;
  return node.rule.kind === "choice"
    ? [`điểm ${vi(score)} không phải một trong các mức ${node.rule.options.map(vi).join("; ")}`, `${score} is not one of the options ${node.rule.options.join(", ")} (SCORE_STEP)`]
    : [`điểm ${vi(score)} không phải bội số của bước ${vi(node.rule.step)}`, `${score} is not a multiple of the step ${node.rule.step} (SCORE_STEP)`];
}

const vi = (n: number) => formatNumber(n, "vi");

/**
 * An appraised score's issue is "<code>: <Vietnamese> / <code>: <English>", Vietnamese first as
 * the envelope and every other refusal of the API (they were English first inside issues[]);
 * the envelope's message says the first one.
 */
function appraisalRefusal(issues: { path: string; message: string }[]): ApiError {
  const first = issues[0]!;
  const [viLine, en] = halves(first.message);
  return new ApiError(422, "APPRAISAL_INVALID", `Điểm thẩm định không hợp lệ: ${viLine} / invalid appraised scores — ${first.path}: ${en}`, issues);
}

/** One issue of an appraised item, its code before each half. */
const itemIssue = (path: string, code: string, [viText, en]: [string, string]): Issue => ({ path, message: `${code}: ${viText} / ${code}: ${en}` });

/** Appraised scores: each leaf once, not survey, within [min, max], in hundredths, on the leaf's scale (the engine's rules). */
export function appraisalStatements(db: D1Database, set: CriteriaSet, items: AppraisalInput[], ctx: { periodId: string; unitId: string; round: number; principal: Principal; at: string }): D1PreparedStatement[] {
  const index = indexCriteria(set);
  const firstAt = new Map<string, number>();
  const issues = items.flatMap((item, i) => {
    const node = index.byCode.get(item.code);
    const path = `items.${i}`;
    const first = firstAt.get(item.code);
    if (first !== undefined) return [itemIssue(`${path}.code`, quote(item.code), [`ghi hai lần (cả items.${first})`, `listed twice (items.${first} too)`])];
    firstAt.set(item.code, i);
    if (!node || !node.isLeaf) return [itemIssue(`${path}.code`, quote(item.code), [`không phải tiêu chí chấm điểm của bộ ${set.id}`, `not a leaf of ${set.id}`])];
    if (node.rule.kind === "survey") return [itemIssue(`${path}.code`, item.code, ["chấm bằng kết quả điều tra xã hội học (nhập khảo sát)", "scored by the survey import"])];
    const max = node.item.max ?? 0;
    const min = node.item.min ?? 0;
    if (item.score > max || item.score < min) return [itemIssue(`${path}.score`, item.code, [`điểm ${vi(item.score)} ngoài khoảng ${vi(min)} đến ${vi(max)}`, `${item.score} outside [${min}, ${max}]`])];
    if (!isWholeHundredths(item.score)) return [itemIssue(`${path}.score`, item.code, ["điểm ghi tối đa hai chữ số thập phân", "at most two decimals"])];
    const off = offScale(node, item.score);
    return off ? [itemIssue(`${path}.score`, item.code, off)] : [];
  });
  if (issues.length) throw appraisalRefusal(issues);
  return [
    ...items.map((item) =>
      upsertAppraisalStatement(db, { periodId: ctx.periodId, unitId: ctx.unitId, code: item.code, scoreCents: toCents(item.score), comment: item.comment ?? null, round: ctx.round, tokenId: ctx.principal.tokenId, at: ctx.at }),
    ),
    auditStatement(db, { at: ctx.at, tokenId: ctx.principal.tokenId, action: "review.appraise", entity: "review", entityId: `${ctx.periodId}/${ctx.unitId}`, detail: { round: ctx.round, items } }),
  ];
}

