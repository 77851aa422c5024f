import { ADMIN_STRINGS } from "../../i18n-admin.ts";
import { ONBOARDING_STRINGS } from "../../i18n-onboarding.ts";
import type { PaneContext } from "../pane-context.ts";
import { actionButtonHtml } from "../render.ts";
import { CodesFlow } from "./codes-flow.ts";
import { CriteriaImportFlow } from "./criteria-import-flow.ts";
import { UnitsFlow } from "./units-flow.ts";

/**
 * The "Quản trị" view: a reviewer issues codes for the units below its own; the admin also
 * adds units from a sheet and imports a criteria set from a decision's table.
 */
export class AdminFlows {
  private readonly codes: CodesFlow;
  private readonly units: UnitsFlow;
  private readonly criteria: CriteriaImportFlow;

  constructor(private readonly pane: PaneContext) {
    this.codes = new CodesFlow(pane);
    this.units = new UnitsFlow(pane);
    this.criteria = new CriteriaImportFlow(pane);
  }

  /** True when the action was one of these flows'. */
  async onClick(action: string, data: DOMStringMap = {}): Promise<boolean> {
    if (action === "load-units") await this.codes.load();
    else if (action === "units-preview") await this.units.previewSheet();
    else if (action === "units-create") await this.units.create();
    else if (action === "criteria-publish") await this.criteria.publish();
    else if (action === "criteria-drafts") await this.criteria.listDrafts();
    else if (action === "criteria-release") await this.criteria.release(data["draft"]);
    else return false;
    return true;
  }

  async onSubmit(form: HTMLFormElement, data: FormData): Promise<boolean> {
    if (form.id === "codes-form") await this.codes.issue(data);
    else if (form.id === "criteria-import-form") await this.criteria.read(data);
    else return false;
    return true;
  }

  onChange(e: Event): void {
    this.codes.onChange(e);
  }

  html(): string {
    const o = ONBOARDING_STRINGS[this.pane.locale];
    const adminOnly = this.pane.settings.role === "admin" ? this.units.html() + this.criteria.html() : "";
    return `<section class="admin" aria-labelledby="admin-title" data-testid="admin"><h2 id="admin-title">${ADMIN_STRINGS[this.pane.locale].title}</h2>${this.codes.html()}${adminOnly}<div class="form-actions">${actionButtonHtml("help", o.settings.help)}${actionButtonHtml("back", o.admin.back)}</div></section>`;
  }
}
