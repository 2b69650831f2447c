// `npm run benchmark:import -- [--rows N]`: times a roster import of N invented employees
// (default 500,000) on a fresh database: preview (read, validate, plan), apply, and a second
// preview of the same file (which must find nothing to change). Prints figures and peak memory.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { rows: { type: "string", default: "500000" } } });
const rows = Number(values.rows);
const dir = mkdtempSync(path.join(tmpdir(), "albertslund-import-bench-"));
process.env.DATABASE_PATH = path.join(dir, "bench.db");

const { prepareRosterImport } = await import("~/imports/import.server");
const { applyRosterPlan } = await import("~/imports/roster-apply.server");
const { getDb } = await import("~/db.server");

const units = [
  "Børn, Sundhed & Velfærd > Børn & Familie > Dagtilbud Nord",
  "Børn, Sundhed & Velfærd > Ældre, Sundhed & Social > Hjemmeplejen",
  "By, Kultur, Miljø & Beskæftigelse > Miljø & Teknik > Vej & Park",
  "Kommunaldirektørens område > Økonomi & Stab > IT & Digitalisering",
];
const lines = ["Medarbejdernr;Navn;Email;Enhed;Startdato;Fratrædelsesdato;Leder;CPR;Løn"];
for (let i = 0; i < rows; i++) {
  const unit = `${units[i % units.length]} > Team ${i % 400}`;
  lines.push(
    `${1000000 + i};Person ${i} Østergård;person${i}@albertslund.test;${unit};01-02-2015;;${i % 500 === 0 ? "ja" : "nej"};010101-1234;35000`,
  );
}
const file = new TextEncoder().encode(lines.join("\r\n"));
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
console.log(`roster: ${rows.toLocaleString("da-DK")} rows, ${mb(file.byteLength)}`);

async function timed<T>(label: string, fn: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await fn();
  console.log(
    `${label.padEnd(34)} ${(Math.round(performance.now() - started) / 1000).toFixed(1).padStart(6)} s`,
  );
  return result;
}

try {
  getDb();
  const preview = await timed("preview (read + validate + plan)", () =>
    prepareRosterImport(file, "bench.csv", "2026-11-26"),
  );
  if (!preview.ok) throw new Error(preview.errors.slice(0, 3).join("\n"));
  const result = await timed("apply (one transaction)", () => applyRosterPlan(preview.plan));
  console.log(
    `created ${result.created}, units ${result.unitsCreated}, managers ${result.managerScopesChanged}`,
  );
  const again = await timed("preview of the same file again", () =>
    prepareRosterImport(file, "bench.csv", "2026-11-27"),
  );
  if (!again.ok) throw new Error("second preview failed");
  console.log(`second preview: ${again.plan.newEmployees.length} new, ${again.plan.changed.length} changed`);
  console.log(`peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
