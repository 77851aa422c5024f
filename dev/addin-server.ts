import { fileURLToPath } from "node:url";
import { createServer } from "vite";

/** The add-in's dev server (https on localhost with a self-signed certificate kept in .dev-certs/). */
export interface AddinServer {
  url: string;
  close: () => Promise<void>;
}

export async function startAddinServer(options: { port?: number; https?: boolean } = {}): Promise<AddinServer> {
  const port = options.port ?? 3000;
  const server = await createServer({
    configFile: fileURLToPath(new URL("../addin/vite.config.ts", import.meta.url)),
    mode: options.https === false ? "http" : "development",
    server: { port, strictPort: true },
    logLevel: "warn",
  });
  await server.listen();
  const url = `${options.https === false ? "http" : "https"}://localhost:${port}`;
  return { url, close: () => server.close() };
}

export function sideloadHelp(url: string): string {
  return [
    `Add-in: ${url}/taskpane.html   (harness without Excel: ${url}/harness.html)`,
    `Open ${url} once in your browser and accept the self-signed certificate.`,
    "Excel on the web: Home › Add-ins › More add-ins › My add-ins › Upload My Add-in › manifest.xml.",
    "Excel desktop (Windows): share a folder holding manifest.xml, add it under File › Options › Trust Center › Trusted Add-in Catalogs,",
    "  restart Excel, then Home › Add-ins › Shared folder. (Mac: copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/.)",
    "The ribbon then shows the CCHC tab: Kiểm tra & chấm điểm, Nộp báo cáo, Tổng hợp, Cài đặt.",
  ].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const server = await startAddinServer({ port: Number(process.env.ADDIN_PORT ?? 3000) });
  console.log(sideloadHelp(server.url));
}
