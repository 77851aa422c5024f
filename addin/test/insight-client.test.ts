import { describe, expect, it } from "vitest";
import { formatNumber } from "../../shared/index.ts";
import { ApiClient } from "../src/api/client.ts";
import { describeFailure } from "../src/errors.ts";
import { percentOf } from "../src/insight-rows.ts";
import { insightHtml, PANE_TOP, resolveUnit } from "../src/pane/insight-view.ts";
import { esc } from "../src/pane/render.ts";
import { analysis, history, merged, trend } from "./insight-fixtures.ts";

/** A fetch answering from a table of path → [status, body], recording what was asked. */
function fakeFetch(routes: Record<string, [number, unknown]>) {
  const asked: { path: string; auth: string | null }[] = [];
  const impl = (async (url: string | URL | Request, init?: RequestInit) => {
    const path = new URL(String(url)).pathname;
    asked.push({ path, auth: new Headers(init?.headers).get("Authorization") });
    const [status, body] = routes[path] ?? [404, { error: { code: "NOT_FOUND", message: "no route" } }];
    return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  }) as typeof fetch;
  return { impl, asked };
}

const forbidden = { error: { code: "FORBIDDEN", message: "reviewers only" } };

describe("ApiClient insight routes", () => {
  it("parses the Worker's answers with the shared schemas, the token as bearer", async () => {
    const { impl, asked } = fakeFetch({
      "/v1/me": [200, { role: "unit", unit: { id: "xa-an-phu", name: "Xã An Phú" } }],
      "/v1/periods/2024-commune-demo/analysis": [200, analysis],
      "/v1/units/xa-an-phu/history": [200, history],
      "/v1/periods/2024-commune-demo/trend": [200, trend],
    });
    const client = new ApiClient("http://w/", "demo-reviewer", impl);
    // An answer without `periods` (a Worker before issue 16) parses as no open period.
    expect(await client.me()).toEqual({ ok: true, value: { role: "unit", unit: { id: "xa-an-phu", name: "Xã An Phú" }, periods: [], consolidation: [] } });
    expect(await client.analysis("2024-commune-demo")).toEqual({ ok: true, value: analysis });
    expect(await client.history("xa-an-phu")).toEqual({ ok: true, value: history });
    expect(await client.trend("2024-commune-demo")).toEqual({ ok: true, value: trend });
    expect(asked.every((a) => a.auth === "Bearer demo-reviewer")).toBe(true);
  });

  it.each([
    ["analysis for a unit token", (c: ApiClient) => c.analysis("2024-commune-demo"), "/v1/periods/2024-commune-demo/analysis", 403, forbidden, "INSIGHT_FORBIDDEN", /cần mã của người thẩm định/],
    ["trend for a unit token", (c: ApiClient) => c.trend("2024-commune-demo"), "/v1/periods/2024-commune-demo/trend", 403, forbidden, "INSIGHT_FORBIDDEN", /cần mã của người thẩm định/],
    ["another unit's history", (c: ApiClient) => c.history("xa-an-loc"), "/v1/units/xa-an-loc/history", 404, { error: { code: "UNIT_NOT_FOUND", message: "" } }, "UNIT_NOT_VISIBLE", /không được xem đơn vị này/],
    ["an unknown period", (c: ApiClient) => c.analysis("x"), "/v1/periods/x/analysis", 404, { error: { code: "PERIOD_NOT_FOUND", message: "" } }, "PERIOD_NOT_FOUND", /Không tìm thấy kỳ đánh giá/],
    ["a server without the route", (c: ApiClient) => c.me(), "/v1/none", 404, {}, "INSIGHT_UNSUPPORTED", /chưa có chức năng phân tích/],
    ["an answer of another shape", (c: ApiClient) => c.trend("p"), "/v1/periods/p/trend", 200, { period: "p" }, "INVALID_RESPONSE", /không đúng định dạng/],
    ["an expired token", (c: ApiClient) => c.trend("p"), "/v1/periods/p/trend", 401, { error: { code: "TOKEN_EXPIRED", message: "" } }, "TOKEN_EXPIRED", /đã hết hạn: đề nghị cơ quan thường trực CCHC cấp mã mới/],
  ])("%s → a clear Vietnamese message", async (_what, call, path, status, body, code, text) => {
    const { impl } = fakeFetch({ [path]: [status, body] });
    const r = await call(new ApiClient("http://w", "t", impl));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(code);
    expect(describeFailure(r, "vi")).toMatch(text);
    expect(describeFailure(r, "en")).not.toBe(describeFailure(r, "vi"));
  });

  it("offline → OFFLINE", async () => {
    const r = await new ApiClient("http://w", "t", (async () => Promise.reject(new TypeError("Failed to fetch"))) as typeof fetch).analysis("p");
    expect(r).toMatchObject({ ok: false, kind: "offline", code: "OFFLINE" });
    if (!r.ok) expect(describeFailure(r, "vi")).toContain("Không kết nối được máy chủ");
  });
});

describe("insight section of the pane", () => {
  const options = [
    { id: "xa-an-phu", name: "Xã An Phú" },
    { id: "xa-an-loc", name: "Xã An Lộc" },
  ];

  it("reviewers get a unit field with the units to pick; a unit token only the button", () => {
    const html = insightHtml({ result: null, unit: "xa-an", askUnit: true, options }, "vi");
    expect(html).toContain('<label slot="label" for="history-unit">Đơn vị (mã hoặc tên)</label>');
    expect(html).toContain('list="unit-options"');
    expect(html).toContain('value="xa-an"');
    expect(html).toContain('<option value="xa-an-loc">Xã An Lộc</option>');
    for (const label of ["Phân tích tiêu chí yếu", "Diễn biến qua các năm", "Xu hướng xếp loại"]) expect(html).toContain(`>${label}</fluent-button>`);
    const unit = insightHtml({ result: null, unit: "", askUnit: false, options: [] }, "vi");
    expect(unit).not.toContain("history-unit");
    // a unit sees its own years; the period-wide views are for reviewers and admins
    expect(unit).toContain(">Diễn biến qua các năm</fluent-button>");
    expect(unit).not.toContain("Phân tích tiêu chí yếu");
  });

  it("resolves a typed unit by id or by name without case or diacritics", () => {
    expect(resolveUnit(" xa-an-loc ", options)).toBe("xa-an-loc");
    expect(resolveUnit("xa an phu", options)).toBe("xa-an-phu");
    expect(resolveUnit("XÃ AN LỘC", options)).toBe("xa-an-loc");
    expect(resolveUnit("huyen-an-binh", options)).toBe("huyen-an-binh");
    expect(resolveUnit("  ", options)).toBe("");
    // a name in no list is refused in the pane: the server is never asked about "Xã Không Có"
    expect(resolveUnit("Xã Không Có", options)).toBeNull();
  });

  it("shows the top weak criteria with the share lost in Vietnamese numbers", () => {
    const html = insightHtml({ result: { kind: "analysis", value: analysis }, unit: "", askUnit: true, options: [] }, "vi");
    expect(html.match(/class="weak-item"/g)).toHaveLength(PANE_TOP);
    const fifth = analysis.items[PANE_TOP - 1]!;
    expect(html).toContain(`<strong>${esc(fifth.code)}</strong>`);
    expect(html).toContain(`mất ${formatNumber(percentOf(fifth.shareLost), "vi")} % số điểm (${fifth.unitsLosing}/${fifth.unitsScored} đơn vị)`);
    expect(html).not.toContain(`data-code="${esc(analysis.items[PANE_TOP]!.code)}"`);
    expect(html).toContain("4 đơn vị đã nộp, kỳ đánh giá năm 2024, cấp xã.");
    // A server from before the level was answered: the period by its id.
    const older = insightHtml({ result: { kind: "analysis", value: { ...analysis, unitType: undefined } }, unit: "", askUnit: true, options: [] }, "vi");
    expect(older).toContain("4 đơn vị đã nộp, kỳ 2024-commune-demo (năm 2024).");
  });

  it("shows each year's index, band and rank; merge years say so; the trend per band", () => {
    const h = insightHtml({ result: { kind: "history", value: history }, unit: "", askUnit: false, options: [] }, "vi");
    expect(h).toContain('<tr data-year="2023"><th scope="row">2023</th><td class="num">69,25 %</td><td>Khá</td><td>hạng 7/10</td></tr>');
    expect(insightHtml({ result: { kind: "history", value: merged }, unit: "", askUnit: false, options: [] }, "vi")).toContain("bình quân các đơn vị trước sáp nhập");
    const t = insightHtml({ result: { kind: "trend", value: trend }, unit: "", askUnit: false, options: [] }, "vi");
    expect(t).toContain('<th scope="col">Xuất sắc</th>');
    expect(t).toContain('<tr data-year="2023"><th scope="row">2023</th><td class="num">1</td><td class="num">1</td><td class="num">2</td><td class="num">0</td><td class="num">0</td><td class="num">4/4</td><td class="num">81,38 %</td></tr>');
  });
});
