// `npm run import -- roster FILE [--dry-run] [--confirm-leavers] [--allow-mass-leavers]`
// `npm run import -- completions FILE [--dry-run]`
// The HR imports for scheduled jobs, over DATABASE_PATH. Prints the summary (and every error with
// its line number); exits 0 when the file was applied (or would be, with --dry-run), 1 when
// nothing was written.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { today } from "~/compliance/day";
import { getDb, schema } from "~/db.server";
import { applyCompletions } from "~/imports/completions-apply.server";
import { prepareCompletionsImport, prepareRosterImport } from "~/imports/import.server";
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from "~/imports/limits";
import { applyRosterPlan } from "~/imports/roster-apply.server";
import { describeRosterPlan } from "~/imports/summary";

const USAGE = `Brug:
  npm run import -- roster FIL [--dry-run] [--confirm-leavers] [--allow-mass-leavers]
  npm run import -- completions FIL [--dry-run]`;

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

let args: ReturnType<typeof parseArgs>;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean", default: false },
      "confirm-leavers": { type: "boolean", default: false },
      "allow-mass-leavers": { type: "boolean", default: false },
    },
  });
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const [kind, file] = args.positionals;
if ((kind !== "roster" && kind !== "completions") || !file) fail(USAGE);
let size: number;
try {
  size = statSync(file).size;
} catch {
  fail(`Filen ${file} findes ikke.`);
}
if (size > MAX_IMPORT_BYTES) fail(`Filen er for stor. Den må højst fylde ${MAX_IMPORT_LABEL}.`, 1);

const dryRun = args.values["dry-run"] === true;
const bytes = new Uint8Array(readFileSync(file));
const fileName = path.basename(file);
const asOf = today();
const started = performance.now();

function audit(action: "import", scope: string, rowCount: number, filters: string) {
  getDb()
    .insert(schema.auditEvent)
    .values({
      at: Date.now(),
      actorUserId: null,
      actorName: "Kommandoen npm run import",
      actorRole: "hr",
      action,
      scope,
      filters,
      rowCount,
      requestId: "kommando",
    })
    .run();
}

function printProblems(result: { errors: string[]; moreErrors: number; warnings: string[] }) {
  for (const w of result.warnings) console.log(`Advarsel: ${w}`);
  for (const e of result.errors) console.error(e);
  if (result.moreErrors > 0) console.error(`… og ${result.moreErrors} flere fejl.`);
}

if (kind === "roster") {
  const prepared = await prepareRosterImport(bytes, fileName, asOf);
  if (!prepared.ok) {
    printProblems(prepared);
    fail(`Intet er ændret: ${prepared.errors.length + prepared.moreErrors} fejl i ${fileName}.`, 1);
  }
  for (const w of prepared.warnings) console.log(`Advarsel: ${w}`);
  console.log(describeRosterPlan(prepared.plan, prepared.rowCount).join("\n"));
  if (prepared.plan.massLeavers && !args.values["allow-mass-leavers"]) {
    fail(
      `Intet er ændret: ${prepared.plan.leavers.length} af ${prepared.plan.activeBefore} aktive medarbejdere ville blive fratrådt (over halvdelen). Filen er næsten sikkert ikke hele personalelisten. Kør igen med --allow-mass-leavers, hvis det virkelig er rigtigt.`,
      1,
    );
  }
  if (
    prepared.plan.needsLeaverConfirmation &&
    !args.values["confirm-leavers"] &&
    !args.values["allow-mass-leavers"]
  ) {
    fail(
      `Intet er ændret: ${prepared.plan.leavers.length} af ${prepared.plan.activeBefore} aktive medarbejdere ville blive fratrådt (over 10 %). Er filen hel? Kør igen med --confirm-leavers, hvis det er rigtigt.`,
      1,
    );
  }
  if (dryRun) {
    console.log("Prøvekørsel (--dry-run): intet er skrevet.");
  } else {
    const result = applyRosterPlan(prepared.plan);
    audit("import", "Personaleliste", prepared.rowCount, `Fil: ${fileName}`);
    console.log(
      `Personalelisten er indlæst: ${result.created} nye, ${result.updated} ændrede, ${result.leavers} fratrådte, ${result.unitsCreated} nye enheder, ${result.managerScopesChanged} ledere med ændrede enheder, ${result.loginsReactivated} login åbnet igen.`,
    );
  }
} else {
  const prepared = await prepareCompletionsImport(bytes, fileName, asOf);
  if (!prepared.ok) {
    printProblems(prepared);
    fail(`Intet er ændret: ${prepared.errors.length + prepared.moreErrors} fejl i ${fileName}.`, 1);
  }
  for (const w of prepared.warnings) console.log(`Advarsel: ${w}`);
  console.log(
    `${prepared.rows.length} gennemførelser i filen (${Object.entries(prepared.perCourse)
      .map(([code, n]) => `${code}: ${n}`)
      .join(", ")}); ${prepared.newCount} er nye.`,
  );
  if (dryRun) {
    console.log("Prøvekørsel (--dry-run): intet er skrevet.");
  } else {
    const result = applyCompletions({ rows: prepared.rows, fileName, userId: null });
    audit("import", "Gennemførelser fra kursusleverandør", prepared.rows.length, `Fil: ${fileName}`);
    console.log(`Gennemførelserne er indlæst: ${result.added} nye, ${result.alreadyThere} fandtes allerede.`);
  }
}
console.log(`Tid: ${Math.round(performance.now() - started)} ms.`);
