import type { Role } from "../env.ts";

/**
 * The appraisal workflow of one unit in one period (thẩm định → giải trình → thẩm định
 * lại → kết quả cuối cùng). The database enforces the same table (review_transitions and
 * its trigger); this module says who may take which step and whose turn it is.
 */
export const REVIEW_STATUSES = ["not_submitted", "submitted", "under_review", "returned_for_explanation", "explained", "final"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type ReviewAction = "start_review" | "return" | "explain" | "finalize" | "reopen";

interface Step {
  from: ReviewStatus[];
  to: ReviewStatus;
  roles: Role[];
  /**
   * From which statuses the step needs a written reason (stored on the event, shown in the
   * history): reopening a final result; ending an explanation round the unit never answered
   * ("hết thời hạn giải trình"), since nothing else in the record says why it ended; a
   * return, which tells the unit what to explain — unless `orComment` and the round's
   * appraisal already carries an item comment saying it.
   */
  reasonFrom: ReviewStatus[];
  orComment?: true;
}

export const REVIEW_STEPS: Record<ReviewAction, Step> = {
  start_review: { from: ["submitted", "explained", "returned_for_explanation"], to: "under_review", roles: ["reviewer", "admin"], reasonFrom: ["returned_for_explanation"] },
  return: { from: ["under_review"], to: "returned_for_explanation", roles: ["reviewer", "admin"], reasonFrom: ["under_review"], orComment: true },
  explain: { from: ["returned_for_explanation"], to: "explained", roles: ["unit", "admin"], reasonFrom: [] },
  finalize: { from: ["under_review", "returned_for_explanation"], to: "final", roles: ["reviewer", "admin"], reasonFrom: ["returned_for_explanation"] },
  reopen: { from: ["final"], to: "under_review", roles: ["admin"], reasonFrom: ["final"] },
};

export type Turn = "unit" | "reviewer" | "none";

/** "Whose turn": shown on every answer so nobody waits for the other side by mistake. */
export function turnOf(status: ReviewStatus): Turn {
  switch (status) {
    case "not_submitted":
    case "returned_for_explanation":
      return "unit";
    case "submitted":
    case "under_review":
    case "explained":
      return "reviewer";
    case "final":
      return "none";
  }
}

/**
 * The round a step starts: a new review after an explanation (or after an explanation round
 * the reviewer ended unanswered) or a reopening is the next round.
 */
export function nextRound(action: ReviewAction, status: ReviewStatus, round: number): number {
  if (action === "start_review" && (status === "explained" || status === "returned_for_explanation")) return round + 1;
  if (action === "reopen") return round + 1;
  return Math.max(round, 1);
}

/** Vietnamese label of a status for exports and messages. */
export const STATUS_LABEL: Record<ReviewStatus, string> = {
  not_submitted: "Chưa nộp",
  submitted: "Đã nộp",
  under_review: "Đang thẩm định",
  returned_for_explanation: "Trả lại để giải trình",
  explained: "Đã giải trình",
  final: "Kết quả cuối cùng",
};

/** Vietnamese names of the steps (and of the bulk "accept unchanged") for messages. */
export const ACTION_LABEL: Record<ReviewAction | "accept_unchanged", string> = {
  start_review: "bắt đầu thẩm định",
  return: "trả lại để giải trình",
  explain: "giải trình",
  finalize: "chốt kết quả thẩm định",
  reopen: "mở lại kết quả",
  accept_unchanged: "giữ nguyên điểm máy chủ chấm",
};

/** Who a role is, in Vietnamese, for messages. */
export const ROLE_LABEL: Record<Role, string> = { unit: "đơn vị", reviewer: "cán bộ thẩm định", admin: "quản trị cấp tỉnh" };
