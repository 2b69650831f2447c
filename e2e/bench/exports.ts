// `DATABASE_PATH=bench-results/bench-N.db npx tsx e2e/bench/exports.ts [--skip-build]`: times the
// exports on a bench database (made by `npm run bench -- --seed-only`) through the production
// server: the whole organisation's "not completed" file (CSV and XLSX) and the per-unit summary,
// each with its time, size and the server's peak RSS, and an employee's "Mine kurser" (p50/p99,
// one request at a time) while the CSV export runs. Then `npm run report`'s files at the same
// size, each with its time and peak RSS. It adds an HR account and sessions to the file it is
// given: run it on a copy. Figures are printed, never asserted.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { peakResidentMb, percentile, resetPeakResident, residentMb } from "./figures";

const { values: args } = parseArgs({ options: { "skip-build": { type: "boolean", default: false } } });
const DATABASE = path.resolve(process.env.DATABASE_PATH ?? "");
if (!process.env.DATABASE_PATH) throw new Error("DATABASE_PATH skal pege på en kopi af en bench-database.");
const PORT = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 4500);
const ORIGIN = `http://localhost:${PORT}`;
process.env.NODE_ENV = "production";

const log = (text: string) => console.log(`[exports ${new Date().toISOString().slice(11, 19)}] ${text}`);
const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;

if (!args["skip-build"]) {
  log("npm run build");
  execFileSync("npm", ["run", "build"], { stdio: ["ignore", "ignore", "inherit"] });
}

const { getDb } = await import("~/db.server");
const { createSession, SESSION_COOKIE } = await import("~/auth/session.server");
const sqlite = getDb().$client;
const cookieFor = (token: string) => `${SESSION_COOKIE}=${encodeURIComponent(token)}`;
const employees = (sqlite.prepare("select count(*) as n from employee").get() as { n: number }).n;
const addUser = (email: string, role: string, employeeId: number | null) =>
  (
    sqlite
      .prepare(
        `insert into user_account (email, name, role, employee_id, created_at) values (?, ?, ?, ?, ?)
         on conflict (email) do update set role = excluded.role returning id`,
      )
      .get(email, email, role, employeeId, Date.now()) as { id: number }
  ).id;
const hrCookie = cookieFor(createSession(addUser("hr-exports@bench.test", "hr", null)));
const someone = sqlite.prepare("select id from employee where end_date is null limit 1").get() as {
  id: number;
};
const employeeCookie = cookieFor(
  createSession(addUser(`exports-person${someone.id}@bench.test`, "employee", someone.id)),
);
sqlite.pragma("wal_checkpoint(TRUNCATE)");

// ---- The production server, as the bench starts it ---------------------------------------------
let server!: ChildProcess;
server = spawn(process.execPath, ["--import", "tsx", "app/server/index.ts"], {
  env: { ...process.env, DATABASE_PATH: DATABASE, PORT: String(PORT), PUBLIC_ORIGIN: ORIGIN },
  stdio: ["ignore", "ignore", "inherit"],
});
process.on("exit", () => server.kill("SIGKILL"));
for (let i = 0; ; i++) {
  if (server.exitCode !== null) throw new Error("Serveren stoppede ved start.");
  if (
    await fetch(`${ORIGIN}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  if (i > 1200) throw new Error("Serveren svarede ikke inden for 120 s.");
  await new Promise((resolve) => setTimeout(resolve, 100));
}
const serverPid = server.pid ?? 0;

async function get(urlPath: string, cookie: string) {
  const started = performance.now();
  const response = await fetch(`${ORIGIN}${urlPath}`, { headers: { cookie } });
  const bytes = (await response.arrayBuffer()).byteLength;
  if (response.status !== 200) throw new Error(`${urlPath} svarede ${response.status}`);
  return { ms: performance.now() - started, bytes };
}

log(
  `server pid ${server.pid}, ${employees.toLocaleString("da-DK")} employees, RSS after start ${round(residentMb(serverPid))} MB`,
);
// Warm up: the first page loads the build and the courses; the overview warms the worker thread.
await get("/mine-kurser", employeeCookie);
log(`RSS after an employee page ${round(residentMb(serverPid))} MB`);
await get("/enheder", hrCookie);
log(`RSS after HR's overview ${round(residentMb(serverPid))} MB`);
if (process.env.EXPORTS_STOP_AFTER_START) process.exit(0);

interface Row {
  name: string;
  seconds: number;
  mb: number;
  peakRssMb: number;
  note?: string;
}
const rows: Row[] = [];

async function timeExport(name: string, urlPath: string, alongside?: () => Promise<string>) {
  resetPeakResident(serverPid);
  const during = alongside?.();
  const { ms, bytes } = await get(urlPath, hrCookie);
  stop = true;
  const note = await during;
  rows.push({
    name,
    seconds: round(ms / 1000, 2),
    mb: round(bytes / 1e6, 1),
    peakRssMb: round(peakResidentMb(serverPid)),
    note,
  });
  log(
    `${name}: ${round(ms / 1000, 2)} s, ${round(bytes / 1e6, 1)} MB, server peak RSS ${round(peakResidentMb(serverPid))} MB ${note ?? ""}`,
  );
}

// An employee's page, one request after the other, for as long as the export runs.
let stop = false;
async function employeeMeanwhile(): Promise<string> {
  stop = false;
  const times: number[] = [];
  while (!stop) times.push((await get("/mine-kurser", employeeCookie)).ms);
  const at = (p: number) => round(percentile(times, p), 1);
  return `(meanwhile /mine-kurser: ${times.length} requests, p50 ${at(50)} ms, p99 ${at(99)} ms)`;
}

const notCompleted = "/enheder/eksport?rapport=hvem-mangler";
await timeExport("export-all csv (with employee)", `${notCompleted}&format=csv`, employeeMeanwhile);
await timeExport("export-all csv", `${notCompleted}&format=csv`);
await timeExport("export-all xlsx", `${notCompleted}&format=xlsx`);
await timeExport("summary csv", "/enheder/eksport?rapport=status-pr-enhed&format=csv");
await timeExport("summary xlsx", "/enheder/eksport?rapport=status-pr-enhed&format=xlsx");
server.kill("SIGKILL");

// ---- npm run report, each in a process of its own ----------------------------------------------
for (const [name, reportArgs] of [
  ["report not-completed csv", ["not-completed", "--course", "all", "--format", "csv"]],
  ["report not-completed xlsx", ["not-completed", "--course", "all", "--format", "xlsx"]],
  ["report summary csv", ["summary", "--format", "csv"]],
] as const) {
  const out = path.join(path.dirname(DATABASE), "exports-report.out");
  rmSync(out, { force: true });
  const child = spawn(
    "/usr/bin/time",
    ["-f", "%M", process.execPath, "--import", "tsx", "app/cli/report.ts", ...reportArgs, "--out", out],
    { env: { ...process.env, DATABASE_PATH: DATABASE }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  let stdout = "";
  child.stderr.on("data", (d) => (stderr += d));
  child.stdout.on("data", (d) => (stdout += d));
  const started = performance.now();
  const code = await new Promise((resolve) => child.once("exit", resolve));
  const ms = performance.now() - started;
  const peakKb = Number(stderr.trim().split("\n").at(-1));
  const bytes = code === 0 ? readFileSync(out).byteLength : 0;
  rmSync(out, { force: true });
  rows.push({
    name,
    seconds: round(ms / 1000, 2),
    mb: round(bytes / 1e6, 1),
    peakRssMb: round(peakKb / 1024),
    note: stdout.trim(),
  });
  log(
    `${name}: exit ${code}, ${round(ms / 1000, 2)} s, peak RSS ${round(peakKb / 1024)} MB: ${stdout.trim()}`,
  );
}

console.log(
  `\n| export (${employees.toLocaleString("da-DK")} employees) | s | MB | peak RSS MB | note |\n| --- | --- | --- | --- | --- |`,
);
for (const r of rows)
  console.log(`| ${r.name} | ${r.seconds} | ${r.mb} | ${r.peakRssMb} | ${r.note ?? ""} |`);
process.exit(0);
