// `npm run benchmark -- [--employees N]`: times the manager/HR views and the full export on a
// fresh database of N invented employees (default: the demo's 1,500), and prints the figures.
// Speed and memory are measured here, never asserted in tests.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { employees: { type: "string", default: "1500" } } });
const employees = Number(values.employees);
const dir = mkdtempSync(path.join(tmpdir(), "albertslund-bench-"));
process.env.DATABASE_PATH = path.join(dir, "bench.db");

// Imported after DATABASE_PATH is set, so they open the benchmark database.
const { today } = await import("~/compliance/day");
const { getDb } = await import("~/db.server");
const { seedDemoData } = await import("./demo-data");
const { listCourses } = await import("~/compliance/courses.server");
const { listPeopleStatuses, loadPeopleData, statusesAsOf } = await import("~/compliance/people.server");
const { listUnitsInScope, summarizeUnits } = await import("~/compliance/units.server");
const { completionTrend, monthEnds } = await import("~/compliance/trend");
const { buildPeopleView, peopleViewExportRows } = await import("~/compliance/people-view.server");
const { paginate, parsePeopleQuery } = await import("~/compliance/people-list");
const { writeCsv, writeXlsx } = await import("~/reports/export-writers.server");

function time<T>(label: string, fn: () => T): T {
  const started = performance.now();
  const result = fn();
  console.log(
    `${label.padEnd(48)} ${Math.round(performance.now() - started)
      .toString()
      .padStart(7)} ms`,
  );
  return result;
}

async function timeAsync<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  console.log(
    `${label.padEnd(48)} ${Math.round(performance.now() - started)
      .toString()
      .padStart(7)} ms`,
  );
  return result;
}

const countingSink = () => {
  let bytes = 0;
  const sink = new Writable({
    write(chunk, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  return { sink, bytes: () => bytes };
};

try {
  const db = getDb();
  const asOf = today();
  await timeAsync(`seed ${employees.toLocaleString("da-DK")} employees`, () =>
    seedDemoData(db, asOf, { employees }),
  );
  const hr = { role: "hr" as const, scopePaths: [] };
  const courses = listCourses();

  time("HR overview: status of everyone + unit tree", () => {
    const people = listPeopleStatuses({ viewer: hr, unitPath: "/", asOf, courses });
    return summarizeUnits(people, listUnitsInScope(hr), courses);
  });
  time("unit page: 12-month trend for the whole org", () => {
    const days = monthEnds(asOf);
    const data = loadPeopleData({ viewer: hr, unitPath: "/", from: days[0] ?? asOf, to: asOf, courses });
    statusesAsOf(data, asOf);
    return completionTrend(data, days);
  });
  const query = parsePeopleQuery(new URLSearchParams("status=ikke-gennemfoert"), ["ai", "gdpr"]);
  const view = time("people list: filter + sort, whole org", () => {
    const v = buildPeopleView({ viewer: hr, unit: null, query, asOf });
    paginate(v.people, 1);
    return v;
  });

  const heapBefore = process.memoryUsage().heapUsed;
  const csv = countingSink();
  const csvRows = await timeAsync("full CSV export (who has not completed)", () =>
    writeCsv(peopleViewExportRows(view, query), csv.sink),
  );
  const xlsx = countingSink();
  await timeAsync("full XLSX export (who has not completed)", () =>
    writeXlsx(
      peopleViewExportRows(view, query),
      { title: "Benchmark", scope: "Hele organisationen", asOf, filters: "" },
      xlsx.sink,
    ),
  );
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  console.log(`export rows: ${csvRows}; CSV ${mb(csv.bytes())}; XLSX ${mb(xlsx.bytes())}`);
  console.log(
    `heap growth during exports: ${mb(process.memoryUsage().heapUsed - heapBefore)}; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
