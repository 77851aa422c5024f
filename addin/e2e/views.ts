import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/**
 * What every browser test does to a view it reaches: a screenshot at the pane's width (into
 * test-artifacts/screenshots, or docs/screenshots when SCREENSHOTS_DIR says so: `npm run
 * screenshots`), and axe-core over the page, failing on any serious or critical violation.
 */
export const PANE_WIDTH = 350;
export const SCREENSHOTS_DIR = process.env.SCREENSHOTS_DIR ?? "test-artifacts/screenshots";

export async function shoot(target: Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await target.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), animations: "disabled" });
}

/**
 * The serious and critical violations axe-core (WCAG 2 A/AA and best practices) finds on the
 * page as it is now, one line each. Run as `axe.run` inside the page (legacy mode): the
 * default runs each frame's part and then opens a blank page of its own to finish, which for
 * these pages (no cross-origin frames, the one thing legacy mode cannot reach) cost about as
 * much again — six runs on the web checker's page took 15.3 s, 8.1 s in legacy mode, with the
 * same rules and the same findings (issue 17, item 6: axe was most of Chromium's CPU in the
 * browser tests).
 *
 * The sheet shown beside the pane (`#grid-view`, web/workbook-page.ts, one component for the web
 * checker and the harness) is left out unless `withSheet`: it is two thirds of a checked page's
 * elements (1,423 of 2,580 with the province's old template open) and about half of axe's time
 * on it (1.4–1.8 s of the renderer's CPU with it, 0.7–0.8 s without), and its markup is the
 * same for every workbook — checked whole where the sheet is the view's subject (the web
 * checker on a wide screen), where a change to it would be seen.
 *
 * Only violations are asked for (`resultTypes`): axe then describes one node, not every node,
 * of each rule that passed or did not apply — a selector and a snippet of markup per node, work
 * these checks never read. The web checker's file took 42–43 s of CPU with it against 49–50 s
 * (six views and the probe, 05/12/2026, issue 17 item 6), and its probe (a button without
 * a name, faint text) is still found.
 */
export async function accessibilityViolations(page: Page, { withSheet = false }: { withSheet?: boolean } = {}): Promise<string[]> {
  const axe = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).setLegacyMode(true).options({ resultTypes: ["violations"] });
  const result = await (withSheet ? axe : axe.exclude("#grid-view")).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
}

/** No serious or critical violation on the page as it is now; `view` names it in the failure. */
export async function expectAccessible(page: Page, view: string, options: { withSheet?: boolean } = {}): Promise<void> {
  expect(await accessibilityViolations(page, options), `axe on ${view}`).toEqual([]);
}

/**
 * Wait for the pane to show something: a generous bound, since reading a workbook and a
 * round trip to the Worker take what they take on a shared machine (only a failure waits it out).
 */
export const poll: typeof expect.poll = (read, options) => expect.poll(read, { timeout: 30_000, interval: 100, ...options });

/** The view at the pane's width: a screenshot of the pane, and axe over the page. */
export async function checkView(page: Page, name: string, pane: Locator = page.locator("#app")): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await expectAccessible(page, name);
  await shoot(pane, name);
}
