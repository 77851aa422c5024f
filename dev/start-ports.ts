import { createServer } from "node:net";

/**
 * `npm start`'s ports, looked at before anything starts: a Worker spawned and then left behind
 * when the add-in's port turned out taken kept 8787, so the README's own remedy
 * (`ADDIN_PORT=3002 npm start`) then died on it (CF3-2).
 */
export interface StartPorts {
  worker: number;
  /** null with --no-addin. */
  addin: number | null;
}

/** Whether something already listens on `port` of `host` (found by listening there ourselves). */
export function portTaken(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    // no IPv6 on the machine (EADDRNOTAVAIL…): nobody can hold the port there either
    probe.once("error", (e: NodeJS.ErrnoException) => resolve(e.code === "EADDRINUSE" || e.code === "EACCES"));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(false)));
  });
}

// wrangler listens on 127.0.0.1; the add-in's https server on "localhost" (either family)
const workerTaken = (port: number) => portTaken(port, "127.0.0.1");
const addinTaken = async (port: number) => (await portTaken(port, "127.0.0.1")) || (await portTaken(port, "::1"));

/** The first port after `from` that `taken` says is free (to name in the advice), or from + 1. */
async function nextFree(from: number, taken: (port: number) => Promise<boolean>, avoid: number): Promise<number> {
  for (let port = from + 1; port < from + 50 && port < 65_536; port++) if (port !== avoid && !(await taken(port))) return port;
  return from + 1;
}

/**
 * null when both ports are free; else the sentence to print (Vietnamese, then English): which
 * port is taken, and the exact command that uses free ones instead (`rest`: the other
 * arguments given, e.g. `--persist-to DIR`, kept in that command).
 */
export async function takenPortsMessage(ports: StartPorts, rest: string[] = []): Promise<string | null> {
  const worker = await workerTaken(ports.worker);
  const addin = ports.addin !== null && (await addinTaken(ports.addin));
  if (!worker && !addin) return null;
  const workerPort = worker ? await nextFree(ports.worker, workerTaken, ports.addin ?? 0) : ports.worker;
  const addinPort = addin && ports.addin !== null ? await nextFree(ports.addin, addinTaken, workerPort) : ports.addin;
  const args = [...(worker || ports.worker !== 8787 ? ["--port", String(workerPort)] : []), ...rest];
  const command = `${addin ? `ADDIN_PORT=${addinPort} ` : ""}npm start${args.length > 0 ? ` -- ${args.join(" ")}` : ""}`;
  const vi = [
    ...(worker ? [`cổng ${ports.worker} (Worker, API)`] : []),
    ...(addin ? [`cổng ${ports.addin} (add-in Excel)`] : []),
  ].join(" và ");
  const en = [...(worker ? [`port ${ports.worker} (the Worker, API)`] : []), ...(addin ? [`port ${ports.addin} (the Excel add-in)`] : [])].join(" and ");
  return [
    `Chưa khởi động gì: ${vi} đang có chương trình khác dùng (có thể là một npm start khác đang chạy). Dừng chương trình đó, hoặc dùng cổng khác:`,
    `Nothing started: ${en} ${worker && addin ? "are" : "is"} already in use (perhaps by another npm start). Stop that program, or use other ports:`,
    `  ${command}`,
  ].join("\n");
}
