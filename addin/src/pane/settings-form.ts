import { loadConfirmedHeaders } from "../column-mapping.ts";
import { describeFailure } from "../errors.ts";
import { saveSettings, TOKEN_KEY } from "../settings.ts";
import type { PaneContext } from "./pane-context.ts";
import { esc } from "./render.ts";

/** The "Cài đặt" form: server, token, period and criteria set, and the document's confirmed column mapping. */

export async function settingsHtml(pane: PaneContext): Promise<string> {
  const t = pane.t;
  const s = pane.settings;
  const confirmedSheets = (await loadConfirmedHeaders(pane.host)).length;
  const current = s.criteriaSetId ? `${s.criteriaSetId}@${s.criteriaSetVersion ?? ""}` : "";
  return `<form id="settings-form"><h2>${t.settings}</h2>
      <label>${t.server}<input name="server" type="url" value="${esc(s.server)}" required></label>
      <label>${t.token}<input name="token" type="password" autocomplete="off" value="${esc(pane.token)}"></label>
      <button type="button" data-action="load-periods">${t.loadPeriods}</button>
      <label>${t.period}<select id="period-select"></select></label>
      <input name="period" value="${esc(s.periodId)}" aria-label="${t.period}">
      <label>${t.criteriaSet}<input name="criteriaSet" value="${esc(current)}"></label>
      <button class="primary" type="submit">${t.save}</button></form>
      ${confirmedSheets ? `<p>${t.mapping.saved(confirmedSheets)}</p><button type="button" data-action="reset-mapping">${t.mapping.reset}</button>` : ""}`;
}

/** Keep what the form says (the token apart from the settings); the caller reloads the criteria set. */
export async function saveSettingsForm(pane: PaneContext, data: FormData): Promise<void> {
  const [criteriaSetId, version] = String(data.get("criteriaSet") ?? "").split("@");
  pane.settings = { ...pane.settings, server: String(data.get("server") ?? "").trim(), periodId: String(data.get("period") ?? "").trim(), criteriaSetId: criteriaSetId ?? "", criteriaSetVersion: version ? Number(version) : null };
  pane.token = String(data.get("token") ?? "").trim();
  await saveSettings(pane.store, pane.settings);
  await pane.store.set(TOKEN_KEY, pane.token);
}

/** The server's periods, asked with the server and token as typed (not yet saved). */
export async function loadPeriods(pane: PaneContext): Promise<void> {
  const form = pane.root.querySelector<HTMLFormElement>("#settings-form");
  if (form) {
    const data = new FormData(form);
    pane.settings = { ...pane.settings, server: String(data.get("server") ?? "").trim() };
    pane.token = String(data.get("token") ?? "").trim();
  }
  const r = await pane.client().periods();
  if (!r.ok) return pane.say("error", describeFailure(r, pane.locale));
  const select = pane.root.querySelector<HTMLSelectElement>("#period-select");
  if (select) select.innerHTML = r.value.map((p) => `<option value="${esc(p.id)}|${esc(p.criteriaSet.id)}@${p.criteriaSet.version}">${esc(p.id)} (${p.year})</option>`).join("");
  select?.dispatchEvent(new Event("change"));
}

/** Picking a period fills in its criteria set (the value is "period|set@version"). */
export function onPeriodPicked(e: Event): void {
  const select = e.target as HTMLSelectElement;
  if (select.id !== "period-select" || !select.form) return;
  const [period, set] = select.value.split("|");
  (select.form.elements.namedItem("period") as HTMLInputElement).value = period ?? "";
  (select.form.elements.namedItem("criteriaSet") as HTMLInputElement).value = set ?? "";
}
