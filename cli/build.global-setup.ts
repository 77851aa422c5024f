import { buildCli } from "./build.ts";

/** The cli project tests the bundle `parindex` runs, built from the sources under test (cli/built-cli.test.ts). */
export default async function setup(): Promise<void> {
  await buildCli();
}
