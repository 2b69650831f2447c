// `npm run db:backup -- --out FILE`: a consistent copy of the database at DATABASE_PATH, taken
// while the site runs (SQLite's online backup API), checked with integrity_check before it counts.
// Never runs migrations. Exit codes: 0 done, 1 refused or failed (no copy left), 2 bad arguments.
import path from "node:path";
import { z } from "zod";
import { BackupError, backupDatabase } from "~/backup.server";
import { databasePath } from "~/db.server";
import { noPositionals, parseOrExit } from "./args";

const USAGE = `Brug: npm run db:backup -- --out FIL
  Tager en sikkerhedskopi af databasen i DATABASE_PATH (nu: ${databasePath()}), også mens sitet kører.
  FIL må ikke findes i forvejen. Gem kopien på en anden disk end databasen.`;

const args = parseOrExit(
  USAGE,
  { out: { type: "string" } },
  z.object({
    positionals: z.array(z.string()).refine(noPositionals, "Ukendte argumenter."),
    out: z.string("--out mangler.").trim().min(1, "--out mangler."),
  }),
);

const source = databasePath();
const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toLocaleString("da-DK", { maximumFractionDigits: 1 })} MB`
    : `${(bytes / 1024).toLocaleString("da-DK", { maximumFractionDigits: 1 })} kB`;

try {
  const result = await backupDatabase(source, args.out);
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
