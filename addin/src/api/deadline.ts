/**
 * The overall time a ribbon command may use. Office stops a function command that has not
 * called `event.completed()` after 5 minutes and records nothing; stopping our own work
 * earlier leaves time to write the outcome, so the user always learns what happened.
 */
export const COMMAND_BUDGET_MS = 4 * 60_000;

export class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout>;

  constructor(budgetMs: number = COMMAND_BUDGET_MS) {
    this.timer = setTimeout(() => this.controller.abort(new DOMException("command deadline", "TimeoutError")), budgetMs);
  }

  /** Aborts every request still running when the budget is spent. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get passed(): boolean {
    return this.controller.signal.aborted;
  }

  /** The command ended in time: stop the clock so the runtime is not kept busy. */
  dispose(): void {
    clearTimeout(this.timer);
  }
}
