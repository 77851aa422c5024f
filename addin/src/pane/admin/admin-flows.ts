import { ONBOARDING_STRINGS } from "../../i18n-onboarding.ts";
import type { PaneContext } from "../pane-context.ts";
import { actionButtonHtml } from "../render.ts";
import { CodesFlow } from "./codes-flow.ts";
import { UnitsFlow } from "./units-flow.ts";

/**
 * The "Quản trị" view: a reviewer issues codes for the units below its own; the admin also
 * adds units from a sheet and imports a criteria set from a decision's table.
 */
export class AdminFlows {
  private readonly codes: CodesFlow;
  private readonly units: UnitsFlow;

  constructor(private readonly pane: PaneContext) {
    this.codes = new CodesFlow(pane);
    this.units = new UnitsFlow(pane);
  }

  /** True when the action was one of these flows'. */
  async onClick(action: string): Promise<boolean> {
    if (action === "load-units") await this.codes.load();
    else if (action === "units-preview") await this.units.previewSheet();
    else if (action === "units-create") await this.units.create();
    else return false;
    return true;
  }

  async onSubmit(form: HTMLFormElement, data: FormData): Promise<boolean> {
    if (form.id !== "codes-form") return false;
    await this.codes.issue(data);
    return true;
  }

  onChange(e: Event): void {
    this.codes.onChange(e);
  }

  html(): string {
    const w = ONBOARDING_STRINGS[this.pane.locale].admin;
    const adminOnly = this.pane.settings.role === "admin" ? this.units.html() : "";
    return `<section class="admin" aria-labelledby="admin-title" data-testid="admin"><h2 id="admin-title">${w.title}</h2>${this.codes.html()}${adminOnly}<p>${actionButtonHtml("back", w.back)}</p></section>`;
  }
}
