#!/usr/bin/env node
/**
 * `npm test`: the typecheck (`tsc -b`, TypeScript 7) and every vitest project, side by side, and red if
 * either is. Run one after the other, the typecheck from nothing (a fresh clone, CI) held
 * one core for ~33 s while the other idled, and vitest's first minute (the in-process
 * projects, the add-in builds and the seeded D1 prepared in the background) does not fill
 * both cores either (issue 17, item 6). The typecheck says in one line when it ends; its
 * errors are kept and printed after vitest's summary, with that line again, so that they
 * never cut through vitest's lines and sit where a reader of the log looks last. Arguments
 * go to vitest (`npm test -- addin/e2e --project browser`).
 */
import { spawn } from "node:child_process";
import { setPriority } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const started = Date.now();
const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;

const children = new Set();
/** Runs a command to its end: its exit code (a signal counts as 1). */
function run(command, args, stdio) {
  const child = spawn(command, args, { cwd: root, stdio });
  children.add(child);
  const ended = new Promise((resolve) => {
    child.once("error", (e) => {
      console.error(`${command}: ${e.message}`);
      resolve(1);
    });
    child.once("exit", (code) => resolve(code ?? 1));
  });
  return { child, ended: ended.finally(() => children.delete(child)) };
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
    process.exit(signal === "SIGINT" ? 130 : 143);
  });
}

/**
 * TypeScript 7 (its native compiler, npm alias `typescript-native`) runs the typecheck: the same
 * `tsc -b` over the same project references, from nothing in ~14 s of CPU against ~46 s for
 * TypeScript 5.9 (05/12/2026, issue 17 item 6). TypeScript 5.9 stays installed as `typescript`
 * for what reads TypeScript through its JavaScript API (test/architecture-regex-state.test.ts),
 * which 7.0 does not offer. Both install a `tsc` in node_modules/.bin, and npm does not say
 * which one wins: the path is named here, as in package.json's `typecheck`.
 */
const TSC = join(root, "node_modules", "typescript-native", "bin", "tsc");
const typecheck = run(process.execPath, [TSC, "-b", ...(process.stdout.isTTY ? ["--pretty"] : [])], ["ignore", "pipe", "pipe"]);
// The typecheck yields the cores to vitest, whose files wait on wrangler, workerd and Chromium
// and leave them idle often enough: run at an equal share beside it, the typecheck from nothing
// (~26 s of CPU) had stretched vitest by about 50 s on two cores (issue 17, item 6).
try {
  if (typecheck.child.pid !== undefined) setPriority(typecheck.child.pid, 19);
} catch {
  // A system that will not lower it runs it as before.
}
let typecheckOutput = "";
typecheck.child.stdout?.on("data", (d) => (typecheckOutput += d));
typecheck.child.stderr?.on("data", (d) => (typecheckOutput += d));
const typecheckLine = typecheck.ended.then((code) => {
  const said = `typecheck (tsc -b): ${code === 0 ? "ok" : `FAILED (exit ${code})`}, ${seconds()}`;
  console.log(code === 0 ? said : `${said}; its errors follow the tests`);
  return { code, line: code === 0 ? said : `${said}; its errors above` };
});

const vitest = run(bin("vitest"), ["run", ...process.argv.slice(2)], "inherit");
const [checked, tested] = await Promise.all([typecheckLine, vitest.ended]);
if (checked.code !== 0) process.stdout.write(`\n${typecheckOutput}\n`);
console.log(checked.line);
process.exit(checked.code !== 0 ? checked.code : tested);
