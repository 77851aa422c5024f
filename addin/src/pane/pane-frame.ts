/**
 * The pane's element: the chrome (title, who and what for, banners, progress), the status line
 * and the view. The status line sits in a live region that stays in place, so each new status
 * sentence is announced once by screen readers (a region drawn afresh with its text already
 * in it is not), and it is the only place the sentence is: the visible bar is inside the region
 * (a second, hidden copy for screen readers read every sentence twice). Chrome and view are
 * redrawn from state on every change. Focus stays on the control that had it when that control
 * is drawn again, and so does what the user was typing there: a redraw that lands meanwhile
 * (periods refreshed in the background, the ribbon's state) must not put the target or the
 * server address back as they were before the first keystroke.
 */
export class PaneFrame {
  private readonly chrome: HTMLElement;
  private readonly live: HTMLElement;
  private readonly view: HTMLElement;
  private shownStatus = "";
  /** Sections the user opened (true) or closed (false), by sectionKey. */
  private readonly sections = new Map<string, boolean>();

  constructor(private readonly root: HTMLElement) {
    this.chrome = document.createElement("div");
    this.live = document.createElement("div");
    this.live.className = "status-region";
    this.live.dataset.testid = "live";
    this.live.setAttribute("aria-live", "polite");
    this.view = document.createElement("div");
    this.view.className = "pane-view";
    root.replaceChildren(this.chrome, this.live, this.view);
    // A section the user unfolds or folds stays so across redraws (A4-4): a plan typed, the register opened.
    root.addEventListener("click", (e) => {
      const details = (e.target as Element | null)?.closest?.("summary")?.parentElement;
      if (!(details instanceof HTMLDetailsElement)) return;
      const key = sectionKey(details);
      // The click's own default toggles it after this listener.
      if (key) this.sections.set(key, !details.open);
    });
  }

  /** `status`: the status bar's markup (replaced, and so announced, only when it changed); `urgent` interrupts (errors). */
  draw(parts: { chrome: string; status: string; view: string }, focused: string | null, urgent = false): void {
    const typing = typedInto(this.root, focused);
    this.chrome.innerHTML = parts.chrome;
    this.view.innerHTML = parts.view;
    for (const details of this.root.querySelectorAll("details")) {
      const open = this.sections.get(sectionKey(details));
      if (open !== undefined) details.open = open;
    }
    if (typing) keepTyping(this.root, typing);
    if (parts.status !== this.shownStatus) {
      this.live.setAttribute("aria-live", urgent ? "assertive" : "polite");
      this.live.innerHTML = parts.status;
      this.shownStatus = parts.status;
    }
    if (focused && !this.root.contains(document.activeElement)) this.root.querySelector<HTMLElement>(focused)?.focus();
  }

  /** Put focus on the first of `selectors` drawn (after a view change removed the control that had it). */
  focus(...selectors: string[]): void {
    for (const selector of selectors) {
      const el = this.root.querySelector<HTMLElement>(selector);
      if (el) return el.focus();
    }
  }
}

/** What names a folding section from one drawing to the next: its test id, else its classes ("" none). */
const sectionKey = (details: Element): string => details.getAttribute("data-testid") ?? details.className;

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

type TextControl = HTMLInputElement | HTMLTextAreaElement;
const TEXT_TYPES = new Set(["text", "search", "url", "tel", "email", "number", "password"]);

const isTextControl = (el: Element | null): el is TextControl =>
  el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && TEXT_TYPES.has(el.type));

/** What a select was drawn with: its option marked selected, else its first. */
const drawnChoice = (el: HTMLSelectElement): string => (Array.from(el.options).find((o) => o.defaultSelected) ?? el.options[0])?.value ?? "";

/** The focused field's typed value or a select's chosen option, when it differs from what was drawn (its default). */
function typedInto(view: HTMLElement, focused: string | null): { selector: string; drawn: string; value: string; start: number | null; end: number | null } | null {
  if (!focused) return null;
  const el = view.querySelector(focused);
  if (el instanceof HTMLSelectElement) return el.value === drawnChoice(el) ? null : { selector: focused, drawn: drawnChoice(el), value: el.value, start: null, end: null };
  if (!isTextControl(el) || el.value === el.defaultValue) return null;
  return { selector: focused, drawn: el.defaultValue, value: el.value, start: el.selectionStart, end: el.selectionEnd };
}

/**
 * The same field drawn again with the same default gets the typed value and caret back (a
 * select its chosen option: a redraw landing after a keyboard choice in the column form put it
 * back to "—"); a field the app drew with a new value keeps that.
 */
function keepTyping(view: HTMLElement, typing: NonNullable<ReturnType<typeof typedInto>>): void {
  const el = view.querySelector(typing.selector);
  if (el instanceof HTMLSelectElement) {
    if (drawnChoice(el) === typing.drawn && Array.from(el.options).some((o) => o.value === typing.value)) el.value = typing.value;
    return;
  }
  if (!isTextControl(el) || el.defaultValue !== typing.drawn) return;
  el.value = typing.value;
  if (typing.start !== null && typing.end !== null) {
    try {
      el.setSelectionRange(typing.start, typing.end);
    } catch {
      // number and email fields have no caret to set
    }
  }
}
