// The commands' argument parsing: node:util's parseArgs reads the words, zod checks the values,
// and every problem comes back as one Danish line. Pure, so each command's rules are unit-tested
// (args.test.ts); `parseOrExit` is the commands' edge (usage on stderr, exit code 2).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type ParseArgsConfig, parseArgs } from "node:util";
import type { z } from "zod";

export type ArgsResult<T> = { ok: true; args: T } | { ok: false; message: string };

/**
 * Parses `argv` with `options`; the positionals arrive as `positionals`, each option under its
 * camel-case name (`--dry-run` as `dryRun`), before `schema` checks them.
 */
export function parseCommandArgs<S extends z.ZodType>(
  argv: string[],
  options: NonNullable<ParseArgsConfig["options"]>,
  schema: S,
): ArgsResult<z.output<S>> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    return { ok: false, message: `Ugyldige argumenter: ${(error as Error).message}` };
  }
  const values = Object.fromEntries(
    Object.entries(parsed.values).map(([name, value]) => [
      name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
      value,
    ]),
  );
  const result = schema.safeParse({ ...values, positionals: parsed.positionals });
  if (!result.success) return { ok: false, message: result.error.issues.map((i) => i.message).join("\n") };
  return { ok: true, args: result.data };
}

/** The command's arguments, or the problems and `usage` on stderr and exit code 2. */
export function parseOrExit<S extends z.ZodType>(
  usage: string,
  options: NonNullable<ParseArgsConfig["options"]>,
  schema: S,
  argv = process.argv.slice(2),
): z.output<S> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(usage);
    process.exit(0);
  }
  const result = parseCommandArgs(argv, options, schema);
  if (!result.ok) exitWithUsage(result.message, usage);
  return result.args;
}

export function exitWithUsage(message: string, usage: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

/** A positional list that must be empty: the commands that take options only. */
export const noPositionals = (positionals: string[]) => positionals.length === 0;

/**
 * Whether the module at `moduleUrl` is the program that was started (`tsx app/cli/report.ts`),
 * not a test importing its argument schema.
 */
export function isEntry(moduleUrl: string): boolean {
  const started = process.argv[1];
  return started !== undefined && moduleUrl === pathToFileURL(path.resolve(started)).href;
}
