// `npm run import -- roster FILE [--dry-run] [--confirm-leavers] [--allow-mass-leavers]`
// `npm run import -- completions FILE [--dry-run]`
// The HR imports for scheduled jobs, over DATABASE_PATH, through the same services as /hr/import.
// Prints the summary (and every error with its line number); exits 0 when the file was applied
// (or would be, with --dry-run), 1 when nothing was written, 2 for bad arguments.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { today } from "~/compliance/day";
import { config } from "~/env.server";
import { applyImport, describeRosterPlan } from "~/imports/apply-import.server";
import { prepareCompletionsImport, prepareRosterImport } from "~/imports/import.server";
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from "~/imports/limits";
import type { RosterPlan } from "~/imports/roster-plan";
import { type LeaverRefusal, leaverRefusal } from "~/imports/write-import.server";
import { exitWithUsage, isEntry, parseOrExit } from "./args";

const USAGE = `Brug:
  npm run import -- roster FIL [--dry-run] [--confirm-leavers] [--allow-mass-leavers]
  npm run import -- completions FIL [--dry-run]`;

export const IMPORT_OPTIONS = {
  "dry-run": { type: "boolean" },
  "confirm-leavers": { type: "boolean" },
  "allow-mass-leavers": { type: "boolean" },
} as const;

export const ImportArgs = z
  .object({
    positionals: z.tuple([z.enum(["roster", "completions"]), z.string().min(1)], {
      message: "Angiv roster eller completions og en fil.",
    }),
    dryRun: z.boolean().default(false),
    confirmLeavers: z.boolean().default(false),
    allowMassLeavers: z.boolean().default(false),
  })
  .refine(
    (a) => a.positionals[0] === "roster" || (!a.confirmLeavers && !a.allowMassLeavers),
    "--confirm-leavers og --allow-mass-leavers hører til roster.",
  )
  .transform(({ positionals: [kind, file], ...flags }) => ({ kind, file, ...flags }));

/** Why the command writes nothing, with the flag that would allow it. */
function leaverMessage(refused: LeaverRefusal, plan: RosterPlan): string {
  const many = `${plan.leavers.length} af ${plan.activeBefore} aktive medarbejdere ville blive fratrådt`;
  return refused === "mass-leavers"
    ? `Intet er ændret: ${many} (over halvdelen). Filen er næsten sikkert ikke hele personalelisten. Kør igen med --allow-mass-leavers, hvis det virkelig er rigtigt.`
    : `Intet er ændret: ${many} (over 10 %). Er filen hel? Kør igen med --confirm-leavers, hvis det er rigtigt.`;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function printProblems(result: { errors: string[]; moreErrors: number; warnings: string[] }) {
  for (const w of result.warnings) console.log(`Advarsel: ${w}`);
  for (const e of result.errors) console.error(e);
  if (result.moreErrors > 0) console.error(`… og ${result.moreErrors} flere fejl.`);
}

async function main() {
  config();
  const args = parseOrExit(USAGE, IMPORT_OPTIONS, ImportArgs);
  let size: number;
  try {
    size = statSync(args.file).size;
  } catch {
    return exitWithUsage(`Filen ${args.file} findes ikke.`, USAGE);
  }
  if (size > MAX_IMPORT_BYTES) fail(`Filen er for stor. Den må højst fylde ${MAX_IMPORT_LABEL}.`);
  const bytes = new Uint8Array(readFileSync(args.file));
  const fileName = path.basename(args.file);
  const asOf = today();
  const started = performance.now();
  const command = { actor: { kind: "command", name: "import" } } as const;

  if (args.kind === "roster") {
    const prepared = await prepareRosterImport(bytes, fileName, asOf);
    if (!prepared.ok) {
      printProblems(prepared);
      fail(`Intet er ændret: ${prepared.errors.length + prepared.moreErrors} fejl i ${fileName}.`);
    }
    for (const w of prepared.warnings) console.log(`Advarsel: ${w}`);
    console.log(describeRosterPlan(prepared.plan, prepared.rowCount).join("\n"));
    const consent = { confirmed: args.confirmLeavers, massAllowed: args.allowMassLeavers };
    const refused = leaverRefusal(prepared.plan, consent);
    if (refused) fail(leaverMessage(refused, prepared.plan));
    if (args.dryRun) {
      console.log("Prøvekørsel (--dry-run): intet er skrevet.");
    } else {
      const applied = await applyImport(
        { kind: "roster", fileName, asOf, consent, plan: prepared.plan, rowCount: prepared.rowCount },
        command,
      );
      if ("error" in applied) fail(`Intet er ændret: ${applied.error}`);
      console.log(applied.summary);
    }
  } else {
    const prepared = await prepareCompletionsImport(bytes, fileName, asOf);
    if (!prepared.ok) {
      printProblems(prepared);
      fail(`Intet er ændret: ${prepared.errors.length + prepared.moreErrors} fejl i ${fileName}.`);
    }
    for (const w of prepared.warnings) console.log(`Advarsel: ${w}`);
    console.log(
      `${prepared.rows.length} gennemførelser i filen (${Object.entries(prepared.perCourse)
        .map(([code, n]) => `${code}: ${n}`)
        .join(", ")}); ${prepared.newCount} er nye.`,
    );
    if (args.dryRun) {
      console.log("Prøvekørsel (--dry-run): intet er skrevet.");
    } else {
      const applied = await applyImport({ kind: "completions", fileName, rows: prepared.rows }, command);
      if ("error" in applied) fail(`Intet er ændret: ${applied.error}`);
      console.log(applied.summary);
    }
  }
  console.log(`Tid: ${Math.round(performance.now() - started)} ms.`);
}

if (isEntry(import.meta.url)) await main();
