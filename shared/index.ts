/** The PAR INDEX engine: pure, imports only zod. Used alike by the add-in, the CLI and the Worker. */
export * from "./criteria-schema.ts";
export * from "./criteria-tree.ts";
export * from "./grid.ts";
export * from "./locate-table.ts";
export * from "./codes.ts";
export * from "./values.ts";
export * from "./evidence.ts";
export * from "./findings.ts";
export * from "./messages.ts";
export * from "./rules.ts";
export * from "./report.ts";
export * from "./rank.ts";
export * from "./score-workbook.ts";
export * from "./decimal.ts";
export * from "./text.ts";
export * from "./survey-csv.ts";
