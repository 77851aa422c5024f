import { afterAll, beforeAll, expect, it } from "vitest";
import { openPaneSession, workerGet, type PaneSession } from "./pane-session.ts";
import { checkView, poll } from "./views.ts";

/**
 * PANE3-1 in headless Chromium against the real Worker's demo cycle, in the web checker (the same pane as in Excel): Xã An Phú (`demo-unit`)
 * was returned for explanation of item 1.3. The main view says so, shows the reduction and
 * the reviewer's comment, keeps what is typed across a reload, and sends the explanation;
 * the Worker then holds it and the stage is "explained".
 */
let session: PaneSession;

beforeAll(async () => {
  session = await openPaneSession("demo-commune-2024", "2024-commune-demo", "demo-unit");
});

afterAll(async () => session?.close());

// Eight steps against the real Worker, each waited for up to 20 s: the file's 90 s ran out once in a
// full run on this 2-core machine with more running beside it (02/12/2026). A limit against a hang.
it("a returned file shows its reductions and comments, and the explanation typed in the pane reaches the reviewer", { timeout: 180_000 }, async () => {
  const { page, addin, worker } = session;
  await page.goto(`${addin.url}/`);
  const section = page.locator("[data-testid=appraisal]");
  await poll(() => section.getAttribute("data-stage")).toBe("returned_for_explanation");
  const text = (await section.textContent()) ?? "";
  expect(text).toContain("Xã An Phú");
  expect(text).toContain("trả lại để giải trình");
  expect(text).not.toContain("xa-an-phu");
  const item = section.locator('[data-testid=appraisal-item][data-code="1.3"]');
  expect(await item.textContent()).toContain("Thiếu tài liệu kiểm chứng");
  expect(await item.locator("[data-testid=appraisal-scores]").textContent()).toMatch(/→ 1 \/ 2/);
  await checkView(page, "appraisal-returned");

  // typed, then the pane reloaded: the text is still there (the pane's own storage, not the workbook)
  await page.locator("#explain-1-3").fill("Đã tuyên truyền 12 số trên đài truyền thanh xã, kèm lịch phát");
  await page.locator("#explain-1-3-evidence").fill("Lịch phát sóng số 05/LPS");
  await page.reload();
  await poll(() => section.getAttribute("data-stage")).toBe("returned_for_explanation");
  expect(await page.locator("#explain-1-3").inputValue()).toBe("Đã tuyên truyền 12 số trên đài truyền thanh xã, kèm lịch phát");

  await page.locator("[data-testid=send-explanation]").click();
  await poll(() => section.getAttribute("data-stage")).toBe("explained");
  expect(await section.textContent()).toContain("Đã gửi giải trình 1 tiêu chí");
  expect(await page.locator("[data-testid=status]").textContent()).toContain("Tỉnh sẽ thẩm định lại");
  await checkView(page, "appraisal-explained");

  const view = (await workerGet(worker, "/v1/periods/2024-commune-demo/units/xa-an-phu/appraisal", "demo-reviewer")) as {
    status: string;
    items: { code: string; explanations: { text: string; evidence: string }[] }[];
  };
  expect(view.status).toBe("explained");
  expect(view.items.find((i) => i.code === "1.3")?.explanations.at(-1)).toMatchObject({ text: "Đã tuyên truyền 12 số trên đài truyền thanh xã, kèm lịch phát", evidence: "Lịch phát sóng số 05/LPS" });

  // PANE3-4: a new version now is refused in words for the stage, with the unit's name, no raw ids, no "explain" step to take
  await page.setInputFiles("#workbook-file", "fixtures/workbooks/commune-code-in-title.xlsx");
  await page.locator("[data-testid=percent]").waitFor();
  await page.click("[data-action=submit]");
  await poll(() => page.locator("[data-testid=status]").getAttribute("data-kind")).toBe("error");
  const refusal = (await page.locator("[data-testid=status]").textContent()) ?? "";
  expect(refusal).toContain("Xã An Phú (Huyện An Bình) đã gửi giải trình");
  expect(refusal).toContain("tỉnh sẽ thẩm định lại");
  expect(refusal).not.toMatch(/xa-an-phu|bước giải trình/);
});
