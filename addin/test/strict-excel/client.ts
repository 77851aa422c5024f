import type { StrictBook } from "./book.ts";
import { FakeOfficeError, payloadBytes } from "./excel-rules.ts";

/** One queued action: its request bytes, and what it does at sync (a load returns what it brings back). */
export interface Action {
  requestBytes: number;
  run: () => void | { responseBytes: number; cells: { sheet: string; count: number } | null; commit: () => void };
}

/** Request bytes of an action that carries no data: an object path and a method name. */
export const ACTION_BYTES = 60;

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  /** Cells whose values, formulas, formats or types were loaded, in all and per sheet. */
  cellsLoaded: number;
  cellsBySheet: Record<string, number>;
}

/**
 * A request context: actions queue up in call order (office.js adds an "instantiate" action
 * for every proxy it creates, ClientObject constructor in excel-web-16.00.debug.js) and run
 * in that order at `sync()`. A failing action rejects the sync; those before it stay done
 * (a batch is not a transaction). Loads are delivered only when the whole response fits.
 */
export class FakeContext {
  private queue: Action[] = [];

  constructor(
    readonly book: StrictBook,
    private readonly records: SyncRecord[],
  ) {}

  enqueue(action: Action): void {
    this.queue.push(action);
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const actions = this.queue.splice(0);
    this.book.syncNumber++;
    const requestBytes = actions.reduce((n, a) => n + a.requestBytes, 0);
    const record: SyncRecord = { requestBytes, responseBytes: 0, cellsLoaded: 0, cellsBySheet: {} };
    this.records.push(record);
    const limit = this.book.limits.payload;
    if (requestBytes > limit) throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request is ${requestBytes} bytes.`);
    const commits: (() => void)[] = [];
    for (const action of actions) {
      const loaded = action.run();
      if (loaded) {
        record.responseBytes += loaded.responseBytes;
        if (loaded.cells) {
          record.cellsLoaded += loaded.cells.count;
          record.cellsBySheet[loaded.cells.sheet] = (record.cellsBySheet[loaded.cells.sheet] ?? 0) + loaded.cells.count;
        }
        commits.push(loaded.commit);
      }
    }
    if (record.responseBytes > limit) throw new FakeOfficeError(this.book.responseTooLarge, `The response is ${record.responseBytes} bytes.`);
    for (const commit of commits) commit();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

export const notLoaded = (prop: string, path: string) =>
  new FakeOfficeError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`, `${path}.${prop}`);

/** Property names of a load: "items/name, items/visibility" → ["items/name", "items/visibility"]. */
export const loadNames = (props?: string | string[]): string[] => (Array.isArray(props) ? props : (props ?? "").split(",")).map((p) => p.trim()).filter(Boolean);

/**
 * A proxy for one document object. It is bound to the object when its instantiate action
 * runs (so `getItem` of a missing sheet fails the sync even if nothing else uses it, and
 * `isNullObject` is known only after a sync); reading a property needs `load` + `sync`
 * first, except on a null object, whose properties are undefined (office.js
 * `Utility.throwIfNotLoaded` skips null objects).
 */
export abstract class FakeClient<T> {
  private bound: T | null | undefined;
  private readonly loaded = new Map<string, unknown>();

  constructor(
    readonly ctx: FakeContext,
    readonly path: string,
    private readonly resolve: () => T | null,
    instantiate = true,
  ) {
    if (instantiate) ctx.enqueue({ requestBytes: ACTION_BYTES, run: () => void this.target(null) });
    else this.bound = resolve();
  }

  /**
   * The object behind the proxy, when an action runs. `action` is the method or property
   * acting on it: on a null object that fails (undocumented: office-addin-mock answers with
   * another null object; the fake refuses, so the adapter relies on neither).
   */
  target(action: string | null): T {
    if (this.bound === undefined) this.bound = this.resolve();
    if (this.bound === null && action !== null) throw new FakeOfficeError("GeneralException", `${action} called on a null object (${this.path}).`, `${this.path}.${action}`);
    return this.bound as T;
  }

  get isNullObject(): boolean {
    if (this.bound === undefined) throw notLoaded("isNullObject", this.path);
    return this.bound === null;
  }

  protected read<V>(prop: string): V {
    if (this.bound === null) return undefined as V;
    if (!this.loaded.has(prop)) throw notLoaded(prop, this.path);
    return this.loaded.get(prop) as V;
  }

  /** What a load of these properties brings back from the object now. */
  protected abstract snapshot(target: T, props: string[]): Record<string, unknown>;

  /** Cells whose contents a load of these properties brings back (ranges only). */
  protected cellsOf(_target: T, _props: string[]): { sheet: string; count: number } | null {
    return null;
  }

  load(props?: string | string[]): this {
    const names = loadNames(props);
    this.ctx.enqueue({
      requestBytes: ACTION_BYTES,
      run: () => {
        const target = this.target(null);
        const values = target === null ? {} : this.snapshot(target, names);
        return { responseBytes: payloadBytes(values), cells: target === null ? null : this.cellsOf(target, names), commit: () => this.receive(values) };
      },
    });
    return this;
  }

  protected receive(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
  }

  /** Queue a change of the document object: a property set or a method call. */
  protected act(action: string, requestBytes: number, run: (target: T) => void): void {
    this.ctx.enqueue({ requestBytes, run: () => run(this.target(action)) });
  }
}
