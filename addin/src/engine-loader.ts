import { lazyPart } from "./lazy-part.ts";

/**
 * The engine's reading and scoring (submit.ts → shared/score-workbook.ts and the table locator)
 * load apart from the pane's first bytes: the pane draws its first view without them, and
 * starts this load as soon as that view is up, so a click on Kiểm tra finds it there. One
 * loader for the pane and the ribbon's standalone commands; a failed load is asked again on the
 * next click (lazy-part.ts).
 */
export const loadEngine: () => Promise<typeof import("./submit.ts")> = lazyPart(() => import("./submit.ts"));
