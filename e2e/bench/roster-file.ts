// The roster file of the bench's import run (used by run.ts, and on its own to time an import on
// an existing bench database: `DATABASE_PATH=bench-results/bench-N.db npx tsx
// e2e/bench/roster-file.ts OUT.csv`, then `npx tsx e2e/bench/roster-import.ts OUT.csv`).
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Day } from "~/compliance/day";
import { labelUnits } from "~/compliance/units.server";
import { type AppDatabase, schema } from "~/db.server";

/**
 * The roster HR would upload next: everyone employed today (1 % moved to another team), plus new
 * hires, up to one row per employee of the bench. Units are named by their path, as HR's file does.
 */
export function writeBenchRoster(db: AppDatabase, file: string, rows: number, asOf: Day): void {
  const sqlite = db.$client;
  const people = sqlite
    .prepare(
      "select employee_number as number, name, email, org_unit_id as unit, start_date as start from employee where end_date is null or end_date > ? order by id",
    )
    .all(asOf) as { number: string; name: string; email: string; unit: number; start: string }[];
  const labels = labelUnits(db.select().from(schema.orgUnit).orderBy(schema.orgUnit.id).all());
  const teams = [...labels.values()].filter((label) => label.split(" > ").length === 5);
  const dmy = (day: string) => `${day.slice(8, 10)}-${day.slice(5, 7)}-${day.slice(0, 4)}`;
  const lines = ["Medarbejdernr;Navn;Email;Enhed;Startdato;Fratrædelsesdato;Leder"];
  people.forEach((p, i) => {
    if (i % 100 === 3) return; // 1 % have left since the last roster
    const unit = i % 100 === 7 ? (teams[i % teams.length] as string) : labels.get(p.unit);
    lines.push(`${p.number};${p.name};${p.email};${unit};${dmy(p.start)};;nej`);
  });
  for (let i = 0; lines.length <= rows; i++) {
    const team = teams[i % teams.length] as string;
    lines.push(`${9_000_000 + i};Ny Person ${i};ny${i}@bench.test;${team};${dmy(asOf)};;nej`);
  }
  writeFileSync(file, lines.join("\r\n"));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const out = process.argv[2];
  if (!out) throw new Error("Brug: tsx e2e/bench/roster-file.ts UD.csv (med DATABASE_PATH)");
  const { getDb } = await import("~/db.server");
  const { today } = await import("~/compliance/day");
  const db = getDb();
  const employees = (db.$client.prepare("select count(*) as n from employee").get() as { n: number }).n;
  writeBenchRoster(db, out, employees, today());
  db.$client.close();
}
