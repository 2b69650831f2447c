// `npm run status:verify [-- --repair]`: recomputes every employee's kept status (the rows the
// overviews, lists and exports read) from the history with the status rule, and reports every
// row that differs. For operators after an upgrade or a hand edit of the database. Exit code 1
// when a difference is found; `--repair` then rebuilds the kept status from the history. Run it
// nightly: after a month end it also moves the trend's stored month ends on.
import { parseArgs } from "node:util";
import { monthEndsCurrent, rebuildKeptStatus, verifyKeptStatus } from "~/compliance/kept-status.server";
import { databasePath, getDb } from "~/db.server";

const { values } = parseArgs({ options: { repair: { type: "boolean", default: false } } });
const started = performance.now();
const { checked, differences } = verifyKeptStatus(getDb());
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${databasePath()}: ${checked} rækker (medarbejder x kursus) genberegnet på ${seconds} s.`);
if (!monthEndsCurrent(getDb())) {
  // A month has ended since the last build: the trend's month ends move on (exact, with the rule).
  const { rows } = rebuildKeptStatus(getDb());
  console.log(
    `En måned er slut siden sidst: månedstallene er bygget for de seneste 11 måneder (${rows} rækker).`,
  );
}
if (differences.length === 0) {
  console.log("Ingen forskelle: den gemte status svarer til historikken.");
} else {
  console.log(`${differences.length} forskelle${differences.length >= 1000 ? " (de første 1000)" : ""}:`);
  for (const d of differences.slice(0, 50)) {
    console.log(`  medarbejder ${d.employeeId}, kursus ${d.courseId}: ${d.fields.join(", ")}`);
  }
  if (values.repair) {
    const { rows } = rebuildKeptStatus(getDb());
    console.log(`Genopbygget: ${rows} rækker.`);
  } else {
    console.log("Kør `npm run status:verify -- --repair` for at genopbygge den gemte status.");
    process.exitCode = 1;
  }
}
