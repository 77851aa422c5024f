// The floor `parindex check` is compared with (bench/cli-start.bench.ts): bare Node loading
// SheetJS and zod from node_modules and parsing the workbook, started by `npm run -s` like
// the CLI. Plain JavaScript on purpose: nothing to compile, nothing bundled.
import { readFileSync } from "node:fs";
import * as XLSX from "@e965/xlsx";
import { z } from "zod";

const [file] = process.argv.slice(2);
const workbook = XLSX.read(readFileSync(file), { type: "buffer", dense: true, cellFormula: true, cellNF: true });
z.object({ sheets: z.array(z.string()) }).parse({ sheets: workbook.SheetNames });
