// `npm run db:backup -- --out FILE`: a consistent copy of the database at DATABASE_PATH, taken
// while the site runs (SQLite's online backup API), checked with integrity_check before it counts.
// Never runs migrations. Exit codes: 0 done, 1 refused or failed (no copy left), 2 bad arguments.
import path from "node:path";
import { parseArgs } from "node:util";
import { BackupError, backupDatabase } from "~/backup.server";
import { databasePath } from "~/db.server";

const USAGE = `Brug: npm run db:backup -- --out FIL
  Tager en sikkerhedskopi af databasen i DATABASE_PATH (nu: ${databasePath()}), også mens sitet kører.
  FIL må ikke findes i forvejen. Gem kopien på en anden disk end databasen.`;

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(USAGE);
  process.exit(2);
}

let out: string | undefined;
try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length > 0) usage(`Ukendt argument: ${positionals.join(" ")}`);
  out = values.out?.trim();
} catch (error) {
  usage(`Ugyldige argumenter: ${(error as Error).message}`);
}
if (!out) usage("--out mangler.");

const source = databasePath();
const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toLocaleString("da-DK", { maximumFractionDigits: 1 })} MB`
    : `${(bytes / 1024).toLocaleString("da-DK", { maximumFractionDigits: 1 })} kB`;

try {
  const result = await backupDatabase(source, out);
  console.log(`Sikkerhedskopi af ${source} gemt i ${path.resolve(result.file)}`);
  console.log(`Størrelse: ${sizeText(result.bytes)} (${result.bytes.toLocaleString("da-DK")} byte)`);
  console.log(
    `Rækker: ${result.employees.toLocaleString("da-DK")} medarbejdere, ${result.completions.toLocaleString("da-DK")} gennemførelser`,
  );
  console.log("Integritetstjek: ok");
  console.log(
    `Tid: ${result.ms < 1000 ? `${result.ms} ms` : `${(result.ms / 1000).toLocaleString("da-DK", { maximumFractionDigits: 1 })} s`}${result.restarts > 0 ? ` (startet forfra ${result.restarts} gange, fordi sitet skrev imens)` : ""}`,
  );
} catch (error) {
  console.error(
    error instanceof BackupError
      ? error.message
      : `Sikkerhedskopien mislykkedes: ${(error as Error).message}`,
  );
  process.exit(1);
}
