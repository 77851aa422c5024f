import { setFlagsFromString } from "node:v8";

/**
 * Imported first by the CLI's entry, before any module whose regular expressions run. V8
 * interprets a regular expression on its first run and compiles it on its second; the engine's
 * patterns (letter classes `\p{L}` of every script, case-insensitive) cost more to interpret
 * once and then compile than to compile at once, and one `check` runs a few hundred of them
 * a handful of times each: compiled at once, a check of the 88-criteria workbook starts ~5 %
 * sooner (bench/cli-start.bench.ts). Only how V8 runs the patterns changes, never what they match.
 */
setFlagsFromString("--no-regexp-tier-up");
