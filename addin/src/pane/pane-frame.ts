/**
 * The pane's element: a live region that stays in place, so each new status sentence is
 * announced once by screen readers (a region drawn afresh with its text already in it is
 * not), and the view, redrawn from state on every change. Focus stays on the control that
 * had it when that control is drawn again.
 */
export class PaneFrame {
  private readonly live: HTMLElement;
  private readonly view: HTMLElement;
  private announced = "";

  constructor(root: HTMLElement) {
    this.live = document.createElement("div");
    this.live.className = "sr-only";
    this.live.dataset.testid = "live";
    this.live.setAttribute("aria-live", "polite");
    this.view = document.createElement("div");
    this.view.className = "pane-view";
    root.replaceChildren(this.live, this.view);
  }

  /** `announce`: the status sentence (said again only when it changed); `urgent` interrupts (errors). */
  draw(html: string, announce: string, focused: string | null, urgent = false): void {
    this.view.innerHTML = html;
    if (announce !== this.announced) {
      this.live.setAttribute("aria-live", urgent ? "assertive" : "polite");
      this.live.textContent = announce;
      this.announced = announce;
    }
    if (focused && !this.view.contains(document.activeElement)) this.view.querySelector<HTMLElement>(focused)?.focus();
  }
}

/** A selector for the focused control inside `root` that finds it again after a redraw (null: focus was elsewhere). */
export function focusKey(root: HTMLElement): string | null {
  const el = document.activeElement;
  if (!el || el === document.body || !root.contains(el)) return null;
  if (el.id) return `#${CSS.escape(el.id)}`;
  const action = el.getAttribute("data-action");
  if (action) {
    const extra = ["data-cell", "data-key", "data-unit"].map((a) => (el.hasAttribute(a) ? `[${a}="${CSS.escape(el.getAttribute(a)!)}"]` : "")).join("");
    return `[data-action="${CSS.escape(action)}"]${extra}`;
  }
  const name = el.getAttribute("name");
  return name ? `[name="${CSS.escape(name)}"]` : null;
}
