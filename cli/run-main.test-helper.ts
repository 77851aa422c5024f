import { main } from "./parindex.ts";

/** The CLI run in-process as a test sees it: its exit code and what it wrote to stdout and stderr. */
export async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, (s) => (stdout += `${s}\n`), (s) => (stderr += `${s}\n`));
  return { code, stdout, stderr };
}
