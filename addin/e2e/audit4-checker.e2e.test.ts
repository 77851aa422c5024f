import { afterAll, beforeAll, expect, it } from "vitest";
import { openPaneSession, type PaneSession } from "./pane-session.ts";
import { expectAccessible, PANE_WIDTH, poll } from "./views.ts";

/**
 * The third outside audit of the web checker (A4, /tmp/audit-4): what only a browser shows —
 * the wrong level's warning first and unfolded, sections the user opened staying open across
 * redraws, focus kept on a sheet tab (the WAI-ARIA tabs pattern), the preview's headers stuck
 * to its edges, and the target box's error said and marked. Signed in as the demo commune.
 */
let session: PaneSession;
let page: PaneSession["page"];

beforeAll(async () => {
  session = await openPaneSession("demo-commune-2024", "2024-commune", "demo-unit", { viewport: { width: 1200, height: 900 } });
  page = session.page;
  await page.goto(`${session.addin.url}/`);
  await page.locator("[data-action=check]").waitFor();
});

afterAll(async () => session?.close());

const pick = (file: string) => page.setInputFiles("#workbook-file", file);
const percent = () => page.locator("[data-testid=percent]").textContent();
const activeDescription = () => page.evaluate(() => `${document.activeElement?.tagName.toLowerCase()}|${document.activeElement?.getAttribute("role") ?? ""}|${document.activeElement?.textContent ?? ""}`);

it("A4-1: a district's workbook checked with the commune set says so first, unfolded, above the score, in the pane's words", async () => {
  await pick("fixtures/workbooks/district-ratio-problems.xlsx");
  const banner = page.locator("[data-testid=wrong-set]");
  await banner.waitFor();
  expect(await banner.isVisible()).toBe(true);
  const text = (await banner.textContent()) ?? "";
  expect(text).toContain("có vẻ không làm theo bộ tiêu chí");
  expect(text).toContain("mở bảng tự đánh giá của chính đơn vị");
  expect(text).not.toContain("hãy chọn đúng bộ tiêu chí");
  // Before the score and the errors, and not again among the folded warnings.
  const before = await page.evaluate(() => {
    const b = document.querySelector("[data-testid=wrong-set]")!;
    const s = document.querySelector("[data-testid=summary]")!;
    return Boolean(b.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(before).toBe(true);
  expect(await page.locator("[data-testid=warnings] [data-code=WRONG_CRITERIA_SET]").count()).toBe(0);
  // No plan to reach a target on a form that is not this level's.
  expect(await page.locator("[data-testid=planner]").count()).toBe(0);
});

it("A4-4: the sections opened stay open across a redraw (Mở sổ, Lập kế hoạch)", async () => {
  await pick("fixtures/workbooks/realistic-commune-libreoffice.xlsx");
  await poll(percent).toBe("66,26 %");
  await page.locator(".fields-details > summary").click();
  await page.locator(".lost-points > summary").click();
  // The warnings open by themselves (no errors): closed by the user, they stay closed.
  await page.locator("[data-testid=warnings] > summary").click();
  const state = () => page.evaluate(() => [".fields-details", ".lost-points", "[data-testid=warnings]"].map((s) => (document.querySelector<HTMLDetailsElement>(s)?.open ? "open" : "closed")));
  expect(await state()).toEqual(["open", "open", "closed"]);
  await page.locator("[data-action=toggle-register]").click();
  await poll(() => page.locator("#register-list").count()).toBe(1);
  expect(await state()).toEqual(["open", "open", "closed"]);
  await page.locator("#target-input").fill("90");
  await page.locator("#target-input").press("Enter");
  await poll(() => page.locator("[data-testid=plan-result]").textContent()).toContain("90");
  expect(await state()).toEqual(["open", "open", "closed"]);
});

it("A4-9: a target out of range is said at once and marks the field invalid", async () => {
  await page.locator("#target-input").fill("120");
  await page.locator("#target-input").press("Enter");
  await poll(() => page.locator("#target-input").getAttribute("aria-invalid")).toBe("true");
  const error = page.locator("[data-testid=target-invalid]");
  expect(await error.textContent()).toBe("Nhập chỉ số mục tiêu từ 0 đến 100.");
  expect(await error.getAttribute("role")).toBe("alert");
  // The field's description is the plan's result, which holds the error.
  const described = (await page.locator("#target-input").getAttribute("aria-describedby"))!;
  expect(await page.locator(`#${described} [data-testid=target-invalid]`).count()).toBe(1);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("target-input");
  await page.locator("#target-input").fill("80");
  await page.locator("#target-input").press("Enter");
  await poll(() => page.locator("#target-input").getAttribute("aria-invalid")).toBe(null);
});

it("A4-3: the sheet tabs are one tab stop; Enter, Space and the arrows keep focus on the tab chosen", async () => {
  const tabs = page.locator("#sheet-tabs [role=tab]");
  expect(await tabs.count()).toBeGreaterThan(1);
  expect(await page.locator("#sheet-tabs [role=tab][tabindex='0']").count()).toBe(1);
  const second = tabs.nth(1);
  const name = (await second.textContent())!;
  await second.focus();
  await page.keyboard.press("Enter");
  await poll(activeDescription).toBe(`button|tab|${name}`);
  expect(await page.locator("#sheet-tabs [aria-selected=true]").textContent()).toBe(name);
  expect(await page.locator(`#sheet-tabs [role=tab][tabindex='0']`).textContent()).toBe(name);
  // The panel is the grid, named by the tab that shows it.
  const controls = await page.locator("#sheet-tabs [aria-selected=true]").getAttribute("aria-controls");
  expect(await page.locator(`#${controls}`).getAttribute("role")).toBe("tabpanel");
  expect(await page.locator(`#${controls}`).getAttribute("aria-labelledby")).toBe(await page.locator("#sheet-tabs [aria-selected=true]").getAttribute("id"));
  await page.keyboard.press("ArrowLeft");
  const first = (await tabs.nth(0).textContent())!;
  await poll(activeDescription).toBe(`button|tab|${first}`);
  expect(await page.locator("#sheet-tabs [aria-selected=true]").textContent()).toBe(first);
  await page.keyboard.press("End");
  await poll(async () => (await activeDescription()).startsWith("button|tab|") && (await page.locator("#sheet-tabs [aria-selected=true]").textContent()) === (await tabs.last().textContent())).toBe(true);
  await page.keyboard.press("Home");
  await page.keyboard.press(" ");
  await poll(activeDescription).toBe(`button|tab|${first}`);
  await expectAccessible(page, "sheet tabs", { withSheet: true });
});

it("A4-5: the preview's column letters and row numbers stay in view once a finding's cell is shown", async () => {
  await page.evaluate(() => void (document.querySelector<HTMLDetailsElement>("[data-testid=warnings]")!.open = true));
  await page.locator("[data-testid=fix-first] .finding-link").first().click();
  await page.locator("td.selected").waitFor();
  const positions = await page.evaluate(() => {
    const head = document.querySelector("#grid-view thead th, #grid-view tr:first-child th")!;
    const row = document.querySelector("#grid-view th[scope=row]")!;
    return [getComputedStyle(head).position, getComputedStyle(row).position, getComputedStyle(head).top, getComputedStyle(row).left];
  });
  expect(positions).toEqual(["sticky", "sticky", "0px", "0px"]);
  // A4-10: no empty header cell, one banner landmark and one h1, no two regions named alike.
  expect(await page.locator("#grid-view th:empty").count()).toBe(0);
  expect(await page.locator("header, [role=banner]").evaluateAll((els) => els.filter((e) => !e.closest("main, section, article, aside, nav")).length)).toBe(1);
  expect(await page.locator("h1").count()).toBe(1);
  expect(await page.locator("#grid-view").getAttribute("aria-label")).toBe(null);
  await page.setViewportSize({ width: PANE_WIDTH, height: 900 });
});
