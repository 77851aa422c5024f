import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { parseCriteriaSet, scoreWorkbook, type CriteriaSet, type Grid } from "../../shared/index.ts";

/**
 * A stand-in for the Worker's submission contract (API-NOTES.md), used while the real
 * Worker is being built: bearer tokens, Idempotency-Key replay (same key + same body →
 * same answer; different body → 409), server-side re-scoring, CORS for the dev server.
 */
export interface FakeWorker {
  url: string;
  /** Every POST /v1/submissions that reached it, with its key. */
  posts: { key: string; body: string }[];
  /** Accepted submissions (one per distinct key). */
  created: () => number;
  /** Hold POST answers until released (to kill the server mid-submit). */
  holdSubmissions: boolean;
  close: () => Promise<void>;
}

export function loadFixtureSet(path: string): CriteriaSet {
  const parsed = parseCriteriaSet(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.set;
}

const body = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });

export async function startFakeWorker(options: { port?: number; set: CriteriaSet; ranking?: unknown; tokens?: Record<string, string> }): Promise<FakeWorker> {
  const tokens = options.tokens ?? { "demo-unit": "unit", "demo-reviewer": "reviewer" };
  const replies = new Map<string, { body: string; status: number; text: string }>();
  const state: FakeWorker = { url: "", posts: [], created: () => replies.size, holdSubmissions: false, close: async () => {} };
  const period = { id: `${options.set.id}`, year: options.set.year, criteriaSet: { id: options.set.id, version: 1 }, deadline: "2099-01-31T00:00:00Z", locked: false };
  const server: Server = createServer(async (req, res) => {
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*" });
      res.end(typeof json === "string" ? json : JSON.stringify(json));
    };
    if (req.method === "OPTIONS") {
      res.writeHead(204, { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "Authorization, Content-Type, Idempotency-Key", "Access-Control-Allow-Methods": "GET, POST" });
      return res.end();
    }
    const role = tokens[(req.headers.authorization ?? "").replace(/^Bearer /, "")];
    if (!role) return send(401, { error: { code: "UNAUTHORIZED", message: "unknown token" } });
    const url = new URL(req.url ?? "/", "http://x");
    if (req.method === "GET" && url.pathname === "/v1/periods") return send(200, { items: [period] });
    if (req.method === "GET" && url.pathname === `/v1/criteria-sets/${options.set.id}`) return send(200, { id: options.set.id, version: 1, set: options.set });
    if (req.method === "GET" && url.pathname === `/v1/periods/${period.id}/ranking`) {
      if (role !== "reviewer") return send(403, { error: { code: "FORBIDDEN", message: "reviewers only" } });
      return options.ranking ? send(200, options.ranking) : send(404, { error: { code: "NOT_FOUND", message: "no route" } });
    }
    if (req.method === "POST" && url.pathname === "/v1/submissions") {
      const text = await body(req);
      const key = String(req.headers["idempotency-key"] ?? "");
      state.posts.push({ key, body: text });
      if (state.holdSubmissions) return; // never answers: the test kills the server
      const seen = replies.get(key);
      if (seen) return seen.body === text ? send(seen.status, seen.text) : send(409, { error: { code: "IDEMPOTENCY_KEY_REUSED", message: "different body" } });
      const parsed = JSON.parse(text) as { period: string; grid: Grid };
      const report = scoreWorkbook(parsed.grid, options.set);
      const reply = JSON.stringify({ id: `sub-${replies.size + 1}`, version: replies.size + 1, unit: "demo-unit", period: parsed.period, report });
      replies.set(key, { body: text, status: 201, text: reply });
      return send(201, reply);
    }
    send(404, { error: { code: "NOT_FOUND", message: "no route" } });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
