import type { StrictBook } from "./book.ts";
import { FakeClient, type FakeContext } from "./client.ts";
import { FakeOfficeError } from "./excel-rules.ts";

/** Serial of a day in the 1900 date system (days since 1899-12-30, past March 1900). */
const serial1900 = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / 86_400_000 + 25_569;

/** context.workbook's own properties: only the date system, a preview API (book.ts `previewApis`). */
export class FakeWorkbookProperties extends FakeClient<StrictBook> {
  constructor(ctx: FakeContext) {
    super(ctx, "workbook", () => ctx.book, false);
  }

  protected snapshot(book: StrictBook, props: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop !== "use1904DateSystem") throw new TypeError(`strict fake: Workbook.${prop} is not modelled`);
      // Workbook.use1904DateSystem: "[API set: ExcelApi BETA (PREVIEW ONLY)]" (office-js-docs-reference excel.workbook.yml).
      if (!book.previewApis) throw new FakeOfficeError("ApiNotFound", "The API you are trying to use could not be found. It may be available in a newer version of Excel.", "Workbook.use1904DateSystem");
      out[prop] = book.date1904;
    }
    return out;
  }

  get use1904DateSystem(): boolean {
    return this.read("use1904DateSystem");
  }
}

/** Excel.FunctionResult: `value`, or `error` ("#VALUE!"…) when the function failed (ExcelApi 1.2). */
export class FakeFunctionResult extends FakeClient<{ value: number | null; error: string | null }> {
  protected snapshot(result: { value: number | null; error: string | null }, props: string[]): Record<string, unknown> {
    return Object.fromEntries(
      props.map((p) => {
        if (p !== "value" && p !== "error") throw new TypeError(`strict fake: FunctionResult.${p} is not modelled`);
        return [p, result[p]];
      }),
    );
  }

  get value(): number | null {
    return this.read("value");
  }

  get error(): string | null {
    return this.read("error");
  }
}

/** Excel.Functions (workbook.functions, ExcelApi 1.2): only DATE is modelled, in the workbook's date system. */
export class FakeFunctions {
  constructor(private readonly ctx: FakeContext) {}

  date(year: number, month: number, day: number): FakeFunctionResult {
    return new FakeFunctionResult(this.ctx, `workbook.functions.date(${year},${month},${day})`, () => {
      const book = this.ctx.book;
      if (book.functionError) return { value: null, error: book.functionError };
      return { value: serial1900(year, month, day) - (book.date1904 ? 1462 : 0), error: null };
    });
  }
}
