import { ExcelHost } from "./excel/excel-host.ts";
import { PaneApp } from "./pane/app.ts";
import { userStore } from "./storage.ts";

/** Task pane entry: Excel only; a host below ExcelApi 1.4 gets a plain explanation, not a blank pane. */
void Office.onReady((info) => {
  const root = document.getElementById("app")!;
  if (info.host !== Office.HostType.Excel || !ExcelHost.canRead()) {
    root.innerHTML = `<div class="banner error" role="alert">Phiên bản Excel này chưa hỗ trợ đọc bảng tính cho Chỉ số CCHC (cần ExcelApi 1.4: Excel 2016 trở lên hoặc Excel trên web). / This Excel version cannot run the add-in (needs ExcelApi 1.4).</div>`;
    return;
  }
  const app = new PaneApp(root, new ExcelHost(), userStore());
  void app.start(new URLSearchParams(location.search).get("action"));
});
