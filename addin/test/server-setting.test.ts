import { describe, expect, it } from "vitest";
import { checkServer, DEFAULT_SETTINGS } from "../src/settings.ts";

/** Issue 14 item 4: the https pane never calls an http server, except loopback while developing. */
const DEPLOYED = "https://cchc.example.gov.vn";
const DEV = "https://localhost:3000";

describe("the server setting", () => {
  it("defaults to the pane's own origin, where the Worker (or the dev server's proxy) answers /v1", () => {
    expect(DEFAULT_SETTINGS.server).toBe("");
    expect(checkServer("  ", DEPLOYED)).toEqual({ ok: true, server: "", warning: null });
  });

  it.each([
    ["https://api.example.gov.vn/", DEPLOYED, { ok: true, server: "https://api.example.gov.vn", warning: null }],
    ["https://api.example.gov.vn/cchc/", DEPLOYED, { ok: true, server: "https://api.example.gov.vn/cchc", warning: null }],
    ["http://127.0.0.1:8787", DEV, { ok: true, server: "http://127.0.0.1:8787", warning: "loopback" }],
    ["http://localhost:8787/", DEV, { ok: true, server: "http://localhost:8787", warning: "loopback" }],
    ["http://127.0.0.1:8787", DEPLOYED, { ok: false, problem: "insecure" }],
    ["http://api.example.gov.vn", DEV, { ok: false, problem: "insecure" }],
    ["http://api.example.gov.vn", DEPLOYED, { ok: false, problem: "insecure" }],
    ["ftp://api.example.gov.vn", DEPLOYED, { ok: false, problem: "invalid" }],
    ["api.example.gov.vn", DEPLOYED, { ok: false, problem: "invalid" }],
  ])("%s from a pane on %s", (input, pane, expected) => {
    expect(checkServer(input, pane)).toEqual(expected);
  });
});
