// `npm run db:verify [-- --repair]`: recomputes every employee's kept status (the rows the
// overviews, lists and exports read) from the history with the status rule, and reports every
// row that differs. For operators after an upgrade or a hand edit of the database. Exit code 1
// when a difference is found; `--repair` then rebuilds the kept status from the history. Run it
// nightly: after a month end it also moves the trend's stored month ends on.
import { z } from "zod";
import { verifyAndRollKeptStatus } from "~/compliance/kept-status.server";
import { databasePath } from "~/db.server";
import { config } from "~/env.server";
import { noPositionals, parseOrExit } from "./args";

const USAGE = "Brug: npm run db:verify [-- --repair]";

config();
const args = parseOrExit(
  USAGE,
  { repair: { type: "boolean" } },
  z.object({
    positionals: z.array(z.string()).refine(noPositionals, "Ukendte argumenter."),
    repair: z.boolean().default(false),
  }),
);
const started = performance.now();
const result = verifyAndRollKeptStatus({ repair: args.repair });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `${databasePath()}: ${result.checked} rækker (medarbejder x kursus) genberegnet på ${seconds} s.`,
);
if (result.monthRolled !== null) {
  console.log(
    `En måned er slut siden sidst: månedstallene er bygget for de seneste 11 måneder (${result.monthRolled} rækker).`,
  );
}
const { differences } = result;
if (differences.length === 0) {
  console.log("Ingen forskelle: den gemte status svarer til historikken.");
} else {
  console.log(`${differences.length} forskelle${differences.length >= 1000 ? " (de første 1000)" : ""}:`);
  for (const d of differences.slice(0, 50)) {
    console.log(`  medarbejder ${d.employeeId}, kursus ${d.courseId}: ${d.fields.join(", ")}`);
  }
  if (result.repaired !== null) {
    console.log(`Genopbygget: ${result.repaired} rækker.`);
  } else {
    console.log("Kør `npm run db:verify -- --repair` for at genopbygge den gemte status.");
    process.exitCode = 1;
  }
}
