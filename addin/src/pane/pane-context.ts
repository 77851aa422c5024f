import type { Locale } from "../../../shared/index.ts";
import { ApiClient } from "../api/client.ts";
import type { WorkbookHost } from "../host.ts";
import { STRINGS } from "../i18n.ts";
import { describeRuntimeError } from "../i18n-runtime.ts";
import type { AppSettings } from "../settings.ts";
import type { KeyValueStore } from "../storage.ts";

export type Status = { kind: "info" | "ok" | "error"; text: string } | null;

/**
 * What every part of the pane shares: where it draws, the workbook, user storage, who is
 * signed in where, and the status line. The parts change it and ask the pane to re-render;
 * they never draw the whole pane themselves.
 */
export class PaneContext {
  settings!: AppSettings;
  token = "";
  status: Status = null;
  progress: string | null = null;

  constructor(
    readonly root: HTMLElement,
    readonly host: WorkbookHost,
    readonly store: KeyValueStore,
    readonly render: () => Promise<void>,
  ) {}

  get locale(): Locale {
    return this.settings?.locale ?? "vi";
  }

  get t() {
    return STRINGS[this.locale];
  }

  /** Signed in for a period: what every Worker call needs (an empty server is the pane's own origin). */
  get ready(): boolean {
    return Boolean(this.token && this.settings.periodId);
  }

  client(): ApiClient {
    return new ApiClient(this.settings.server, this.token);
  }

  async say(kind: "info" | "ok" | "error", text: string): Promise<void> {
    this.status = { kind, text };
    await this.render();
  }

  /** Run one user action: an Office error (or a full browser storage) becomes the status line, and the pane is drawn again whatever happened. */
  async guard(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (e) {
      this.status = { kind: "error", text: describeRuntimeError(e, this.locale) };
    } finally {
      this.progress = null;
      await this.render();
    }
  }

  /** Update the progress line in place while reading, so a long read does not redraw the pane each step. */
  async showProgress(step: number, of: number): Promise<void> {
    this.progress = this.t.reading(step, of);
    const el = this.root.querySelector<HTMLElement>("[data-testid=progress]");
    if (el) el.textContent = this.progress;
    else await this.render();
  }
}
