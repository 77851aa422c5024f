/**
 * The engine's reading and scoring (submit.ts → shared/score-workbook.ts and the table locator)
 * load apart from the pane's first bytes: the pane draws its first view without them, and
 * `taskpane.ts` starts this load as soon as that view is up, so a click on Kiểm tra finds it
 * there. One promise for the pane and the ribbon's standalone commands.
 */
let loading: Promise<typeof import("./submit.ts")> | null = null;

export function loadEngine(): Promise<typeof import("./submit.ts")> {
  return (loading ??= import("./submit.ts"));
}
