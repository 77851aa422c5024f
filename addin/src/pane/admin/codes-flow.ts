import type { IssueCodesRequest, IssuedCode } from "../../../../shared/index.ts";
import type { UnitNode } from "../../api/client.ts";
import { codesSheet } from "../../codes-sheet.ts";
import { formatVietnamDay } from "../../format.ts";
import { besideNotice } from "../../i18n-excel.ts";
import { ADMIN_STRINGS } from "../../i18n-admin.ts";
import { describeApiFailure } from "../../i18n-runtime.ts";
import type { PaneContext } from "../pane-context.ts";
import { actionButtonHtml, choiceHtml, esc, fieldHtml } from "../render.ts";

/** The server issues at most this many codes in one list (a district or the province goes as one `under`). */
const MAX_LISTED = 500;

/**
 * Activation codes for admins and reviewers (issue 16 item 1): pick units, or all the units
 * below a district, and get the codes on the add-in's own sheet "CCHC Mã kích hoạt" to hand
 * out. The same choice sent again after a lost answer reuses its Idempotency-Key, so the
 * server replays the codes it issued instead of issuing a second set.
 */
export class CodesFlow {
  tree: UnitNode[] | null = null;
  private chosen = new Set<string>();
  private whole = new Set<string>();
  private days = "14";
  private issued: IssuedCode[] | null = null;
  private lastRequest: { body: string; key: string } | null = null;

  constructor(private readonly pane: PaneContext) {}

  private get words() {
    return ADMIN_STRINGS[this.pane.locale].codes;
  }

  async load(): Promise<void> {
    const { pane } = this;
    await pane.guard(async () => {
      const r = await pane.client().unitTree();
      if (!r.ok) return void (pane.status = { kind: "error", text: describeApiFailure(r, pane.locale) });
      this.tree = r.value;
      pane.status = null;
    }, this.words.loading);
  }

  /** Keep what is ticked; ticking "all of a district" ticks the units below it on screen too. */
  onChange(e: Event): void {
    const box = e.target as HTMLElement & { checked?: boolean };
    const form = box.closest?.("form");
    if (form?.id !== "codes-form") return;
    if (box.dataset.whole !== undefined) for (const child of box.closest("fieldset")?.querySelectorAll<HTMLElement & { checked: boolean }>("[name=unit]") ?? []) child.checked = Boolean(box.checked);
    this.remember(new FormData(form));
  }

  private remember(data: FormData): void {
    this.chosen = new Set(data.getAll("unit").map(String));
    this.whole = new Set(data.getAll("whole").map(String));
    this.days = String(data.get("days") ?? this.days);
  }

  async issue(data: FormData): Promise<void> {
    const { pane } = this;
    this.remember(data);
    const days = Number(this.days);
    if (!Number.isInteger(days) || days < 1 || days > 60) return pane.say("error", this.words.badDays);
    const body = this.requestBody();
    if (!body) return pane.say("error", this.words.noneChosen);
    if ("units" in body && body.units.length > MAX_LISTED) return pane.say("error", this.words.tooMany(MAX_LISTED));
    const text = JSON.stringify({ body, days });
    const key = this.lastRequest?.body === text ? this.lastRequest.key : crypto.randomUUID();
    this.lastRequest = { body: text, key };
    await pane.guard(async () => {
      const r = await pane.client().issueCodes(body, days, key);
      if (!r.ok) return void (pane.status = { kind: "error", text: r.message && r.status === 422 ? r.message : describeApiFailure(r, pane.locale) });
      this.lastRequest = null;
      this.issued = r.value.items;
      const written = await pane.host.writeOwnSheet(codesSheet(r.value.items, pane.locale, new Date(), serverOrigin(pane.settings.server)), pane.locale);
      pane.status = { kind: "ok", text: this.words.issued(r.value.items.length, written.name) + besideNotice(written, pane.locale) };
    });
  }

  /** One district (or the province) taken whole goes as `under`; anything else as the list of units. */
  private requestBody(): IssueCodesRequest | null {
    const below = (id: string) => descendants(findNode(this.tree ?? [], id)).map((n) => n.id);
    const [onlyWhole] = this.whole;
    if (this.whole.size === 1 && onlyWhole && [...this.chosen].every((id) => below(onlyWhole).includes(id))) return { under: onlyWhole };
    const units = new Set([...this.chosen, ...[...this.whole].flatMap(below)]);
    return units.size ? { units: [...units] } : null;
  }

  html(): string {
    const w = this.words;
    const intro = `<h3 id="codes-title">${w.title}</h3><p>${w.intro}</p>`;
    if (this.tree === null) return `<section aria-labelledby="codes-title" data-testid="admin-codes">${intro}${actionButtonHtml("load-units", w.load, { primary: true })}</section>`;
    const groups = this.tree.flatMap((root) => root.children).map((n) => this.nodeHtml(n)).join("");
    const days = fieldHtml("codes-days", w.days, `<input slot="input" id="codes-days" name="days" type="number" min="1" max="60" step="1" inputmode="numeric" value="${esc(this.days)}">`);
    const form = groups
      ? `<form id="codes-form" class="vertical-form"><div class="unit-tree" role="group" aria-labelledby="codes-title">${groups}</div>${days}<fluent-button type="submit" appearance="primary">${w.issue}</fluent-button></form>`
      : `<p>${w.empty}</p>`;
    return `<section aria-labelledby="codes-title" data-testid="admin-codes">${intro}${form}${this.issuedHtml()}</section>`;
  }

  private unitBox(n: UnitNode): string {
    return choiceHtml("checkbox", n.name, `name="unit" value="${esc(n.id)}"${this.chosen.has(n.id) ? " checked" : ""}`);
  }

  /** A unit, and for one with units below it a group: "all of it" first, then each unit. */
  private nodeHtml(n: UnitNode): string {
    if (n.children.length === 0) return this.unitBox(n);
    const count = descendants(n).length;
    const whole = choiceHtml("checkbox", this.words.whole(n.name, count), `name="whole" value="${esc(n.id)}" data-whole${this.whole.has(n.id) ? " checked" : ""}`);
    return `${this.unitBox(n)}<fieldset class="unit-group"><legend class="sr-only">${esc(n.name)}</legend>${whole}${n.children.map((c) => this.nodeHtml(c)).join("")}</fieldset>`;
  }

  private issuedHtml(): string {
    if (!this.issued?.length) return "";
    const h = ADMIN_STRINGS[this.pane.locale].codes.headers;
    // Namesakes ("Xã Tân Lập" of two districts) are told apart by their parent, as on the sheet.
    const rows = this.issued.map((c) => `<tr><td>${esc(c.unit.parent ? `${c.unit.name} (${c.unit.parent.name})` : c.unit.name)}</td><td class="code">${esc(c.code)}</td><td>${esc(formatVietnamDay(c.expiresAt))}</td></tr>`).join("");
    return `<table class="mini" data-testid="issued-codes"><thead><tr><th scope="col">${h.unit}</th><th scope="col">${h.code}</th><th scope="col">${h.until}</th></tr></thead><tbody>${rows}</tbody></table>`;
  }
}

function findNode(nodes: readonly UnitNode[], id: string): UnitNode | null {
  for (const n of nodes) {
    if (n.id === id) return n;
    const below = findNode(n.children, id);
    if (below) return below;
  }
  return null;
}

/** Every unit below a node (not the node itself). */
function descendants(n: UnitNode | null): UnitNode[] {
  return n ? n.children.flatMap((c) => [c, ...descendants(c)]) : [];
}

/** The web checker's address for the codes sheet: the configured server's origin, else the pane's own (a deployment serves both). */
function serverOrigin(server: string): string | undefined {
  try {
    const origin = new URL(server || location.href).origin;
    return /^https?:/.test(origin) ? origin : undefined;
  } catch {
    return undefined;
  }
}
