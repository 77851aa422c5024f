import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { onFreePort } from "./wrangler.ts";

/** onFreePort: a port taken between finding it and binding it is found again; any other failure is the caller's. */
describe("a server started on a free port", () => {
  it("is started again on another port when the one found was taken first, at most three times", async () => {
    const ports: number[] = [];
    const port = await onFreePort(async (p) => {
      ports.push(p);
      if (ports.length < 3) throw new Error(`Port ${p} is already in use`);
      return p;
    });
    expect(ports).toHaveLength(3);
    expect(port).toBe(ports[2]);
    let tries = 0;
    await expect(onFreePort(async (p) => (tries++, Promise.reject(Object.assign(new Error(`listen EADDRINUSE 127.0.0.1:${p}`), { code: "EADDRINUSE" }))))).rejects.toThrow(/EADDRINUSE/);
    expect(tries).toBe(3);
  });

  it("binds for real, and any other failure is thrown at once", async () => {
    const server = createServer();
    const port = await onFreePort((p) => new Promise<number>((resolve, reject) => server.once("error", reject).listen(p, "127.0.0.1", () => resolve(p))));
    expect(port).toBeGreaterThan(0);
    server.close();
    let tries = 0;
    await expect(onFreePort(async () => (tries++, Promise.reject(new Error("no certificate"))))).rejects.toThrow("no certificate");
    expect(tries).toBe(1);
  });
});
