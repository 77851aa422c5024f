import { loadConfirmedHeaders } from "../column-mapping.ts";
import { describeApiFailure, RUNTIME_STRINGS } from "../i18n-runtime.ts";
import { checkServer, saveSettings, TOKEN_KEY } from "../settings.ts";
import type { PaneContext } from "./pane-context.ts";
import { esc } from "./render.ts";

/** The "Cài đặt" form: server, token, period and criteria set, and the document's confirmed column mapping. */

export async function settingsHtml(pane: PaneContext): Promise<string> {
  const t = pane.t;
  const s = pane.settings;
  const confirmedSheets = (await loadConfirmedHeaders(pane.host)).length;
  const current = s.criteriaSetId ? `${s.criteriaSetId}@${s.criteriaSetVersion ?? ""}` : "";
  const server = RUNTIME_STRINGS[pane.locale].server;
  const warning = checkServer(s.server, location.origin);
  const loopback = warning.ok && warning.warning === "loopback" ? `<p class="banner info" data-testid="server-warning">${server.loopback}</p>` : "";
  return `<form id="settings-form"><h2>${t.settings}</h2>
      <label>${t.server}<input name="server" type="url" inputmode="url" value="${esc(s.server)}" placeholder="${esc(location.origin)}" aria-describedby="server-hint"></label>
      <p id="server-hint" class="hint">${esc(server.hint(location.origin))}</p>${loopback}
      <label>${t.token}<input name="token" type="password" autocomplete="off" value="${esc(pane.token)}"></label>
      <button type="button" data-action="load-periods">${t.loadPeriods}</button>
      <label>${t.period}<select id="period-select"></select></label>
      <input name="period" value="${esc(s.periodId)}" aria-label="${t.period}">
      <label>${t.criteriaSet}<input name="criteriaSet" value="${esc(current)}"></label>
      <button class="primary" type="submit">${t.save}</button></form>
      ${confirmedSheets ? `<p>${t.mapping.saved(confirmedSheets)}</p><button type="button" data-action="reset-mapping">${t.mapping.reset}</button>` : ""}`;
}

/**
 * Keep what the form says (the token apart from the settings); the caller reloads the
 * criteria set. A server the pane could not call (http, except loopback while developing) is
 * refused with the reason, and nothing is saved.
 */
export async function saveSettingsForm(pane: PaneContext, data: FormData): Promise<boolean> {
  const server = checkServer(String(data.get("server") ?? ""), location.origin);
  if (!server.ok) {
    pane.status = { kind: "error", text: RUNTIME_STRINGS[pane.locale].server[server.problem] };
    return false;
  }
  const [criteriaSetId, version] = String(data.get("criteriaSet") ?? "").split("@");
  pane.settings = { ...pane.settings, server: server.server, periodId: String(data.get("period") ?? "").trim(), criteriaSetId: criteriaSetId ?? "", criteriaSetVersion: version ? Number(version) : null };
  pane.token = String(data.get("token") ?? "").trim();
  await saveSettings(pane.store, pane.settings);
  await pane.store.set(TOKEN_KEY, pane.token);
  pane.status = server.warning ? { kind: "info", text: RUNTIME_STRINGS[pane.locale].server.loopback } : null;
  return true;
}

/** The server's periods, asked with the server and token as typed (not yet saved). */
export async function loadPeriods(pane: PaneContext): Promise<void> {
  const form = pane.root.querySelector<HTMLFormElement>("#settings-form");
  if (form) {
    const data = new FormData(form);
    const server = checkServer(String(data.get("server") ?? ""), location.origin);
    if (!server.ok) return pane.say("error", RUNTIME_STRINGS[pane.locale].server[server.problem]);
    pane.settings = { ...pane.settings, server: server.server };
    pane.token = String(data.get("token") ?? "").trim();
  }
  const r = await pane.client().periods();
  if (!r.ok) return pane.say("error", describeApiFailure(r, pane.locale));
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
