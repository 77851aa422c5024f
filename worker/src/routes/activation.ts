import { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import {
  activationSheetCsv,
  activationSheetTable,
  ActivateRequestSchema,
  ActivationSchema,
  BulkCodesQuerySchema,
  CodeValidityQuerySchema,
  IssueCodesRequestSchema,
  IssuedCodeSchema,
  IssuedCodesSchema,
} from "../../../shared/index.ts";
import { tableWorkbook } from "../../../xlsx/table-workbook.ts";
import { UnitParam } from "../api-schemas.ts";
import { apiRoute, BINARY, jsonBody, ok, TEXT } from "../api-route.ts";
import { now, today } from "../clock.ts";
import type { AppEnv } from "../env.ts";
import { downloadHeaders } from "../downloads.ts";
import { requestLocale } from "../locale.ts";
import { bulkTargets, singleTarget } from "../onboarding/code-targets.ts";
import { issueCodes } from "../onboarding/issue-codes.ts";
import { ACTIVATION_REPLAY_HOURS, redeemActivationCode } from "../onboarding/redeem.ts";

/**
 * Activation codes (API-NOTES, issue 16), mounted under /v1: the admin — or a reviewer, for
 * the units below its own — issues short single-use codes; a unit redeems one, without a
 * token, for its own token. Codes may go on a sheet to hand out; tokens never do.
 */
export const activation = new OpenAPIHono<AppEnv>();

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const issueOne = apiRoute({
  operationId: "issueActivationCode",
  method: "post",
  path: "/units/{id}/activation-codes",
  summary: "A single-use activation code for one unit (?days= 1–60, default 14), withdrawing the unit's earlier unused codes; reviewers for units strictly below their own",
  roles: ["reviewer", "admin"],
  idempotent: "sealed",
  request: { params: UnitParam, query: CodeValidityQuerySchema },
  responses: { 201: ok(IssuedCodeSchema, "Issued: the code is shown in this answer (and a replay of it) only") },
  errors: [403, 404, 422],
});
activation.openapi(issueOne, async (c) => {
  const unit = await singleTarget(c, c.req.valid("param").id);
  const { items } = await issueCodes(c, [unit], c.req.valid("query").days);
  return c.json(items[0]!, 201);
});

const issueMany = apiRoute({
  operationId: "issueActivationCodes",
  method: "post",
  path: "/activation-codes",
  summary: "Codes for a list of units or every open unit below one, as JSON or a sheet to hand out (?format=csv|xlsx); each unit's earlier unused codes are withdrawn",
  roles: ["reviewer", "admin"],
  idempotent: "sealed",
  request: { query: BulkCodesQuerySchema, ...jsonBody(IssueCodesRequestSchema) },
  responses: {
    201: {
      description: "Issued: JSON, or the sheet (unit, code, valid through, how to use it) as CSV for Excel or XLSX",
      content: { "application/json": { schema: IssuedCodesSchema }, "text/csv": { schema: TEXT }, [XLSX_TYPE]: { schema: BINARY } },
    },
  },
  errors: [422],
});
activation.openapi(issueMany, async (c) => {
  const { days, format } = c.req.valid("query");
  const issued = await issueCodes(c, await bulkTargets(c, c.req.valid("json")), days);
  const file = `ma-kich-hoat-${today(now(c))}`;
  // The sheet names the web checker: this Worker serves it at its own "/".
  const sheet = { origin: new URL(c.req.url).origin };
  if (format === "csv") {
    return c.body(activationSheetCsv(issued.items, requestLocale(c), sheet), 201, downloadHeaders("text/csv; charset=utf-8", `${file}.csv`));
  }
  if (format === "xlsx") {
    return c.body(tableWorkbook([activationSheetTable(issued.items, requestLocale(c), sheet)]), 201, downloadHeaders(XLSX_TYPE, `${file}.xlsx`));
  }
  return c.json(issued, 201);
});

const activate = apiRoute({
  operationId: "activate",
  method: "post",
  path: "/activate",
  summary: `Redeem an activation code (no token) for the unit's own token; failed attempts are limited per address and in all. With an Idempotency-Key (one random key per activation), a retry with the same key and body within ${ACTIVATION_REPLAY_HOURS} hours gets the same answer, the same token`,
  roles: "public",
  idempotent: "sealed",
  // Unknown fields are refused (400), not dropped: the schema is the add-in's too, so it is made strict here.
  request: jsonBody(z.strictObject(ActivateRequestSchema.shape)),
  responses: { 201: ok(ActivationSchema, "Activated: the token is in this answer only") },
  errors: [401, 410, 429],
});
activation.openapi(activate, async (c) => c.json(await redeemActivationCode(c, c.req.valid("json").code), 201));
