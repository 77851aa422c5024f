/** Prints /openapi.json as the Worker serves it, without running the Worker: `npx tsx worker/scripts/print-openapi.ts > openapi.json`. */
import app from "../src/index.ts";
import { openApiDocument } from "../src/openapi.ts";

console.log(JSON.stringify(openApiDocument(app), null, 2));
