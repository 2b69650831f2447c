// `npx tsx e2e/bench/hostile-imports.ts [--skip-build]`: what the import review's worst files
// (e2e/hostile-uploads.ts) cost. Starts the production server on a fresh demo database, uploads
// each file as HR and meanwhile loads an employee's "Mine kurser" one request after the other.
// Prints, per file: HR's answer and its time, the server's peak RSS (VmHWM) above idle, and the
// employee page's p50/p95. The targets (500 MB above idle, p95 1 s) are read from the figures,
// never asserted: memory and time on a shared machine vary from run to run.
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import { startAppServer } from "../app-server";
import { DEMO, DEMO_PASSWORD } from "../helpers";
import { hostileUploads } from "../hostile-uploads";
import { peakResidentMb, percentile, resetPeakResident, residentMb } from "./figures";

const { values: args } = parseArgs({ options: { "skip-build": { type: "boolean", default: false } } });
const log = (text: string) =>
  console.log(`[hostile-imports ${new Date().toISOString().slice(11, 19)}] ${text}`);

if (!args["skip-build"]) {
  log("npm run build");
  execFileSync("npm", ["run", "build"], { stdio: ["ignore", "ignore", "inherit"] });
}

const app = await startAppServer({}, { demo: true });
try {
  const headers = { Origin: app.origin };

  /** Logs in through the login form and returns the session cookie. */
  async function logIn(email: string): Promise<string> {
    const response = await fetch(`${app.origin}/login`, {
      method: "POST",
      headers,
      body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
      redirect: "manual",
    });
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    if (response.status !== 302 || !cookie) throw new Error(`login as ${email}: ${response.status}`);
    return cookie;
  }
  const hr = await logIn(DEMO.hr);
  const employee = await logIn(DEMO.employee);
  await fetch(`${app.origin}/mine-kurser`, { headers: { cookie: employee } });

  const idle = residentMb(app.pid);
  log(`server pid ${app.pid}, RSS at idle ${Math.round(idle)} MB`);
  const rows: string[] = [];
  for (const file of hostileUploads()) {
    const form = new FormData();
    form.set("kind", "roster");
    form.set("file", new Blob([new Uint8Array(file.bytes)], { type: "text/csv" }), file.name);
    resetPeakResident(app.pid);
    let answered = false;
    const started = performance.now();
    const upload = fetch(`${app.origin}/hr/import`, {
      method: "POST",
      headers: { ...headers, cookie: hr },
      body: form,
      redirect: "manual",
    }).then(async (response) => {
      await response.arrayBuffer();
      answered = true;
      return { status: response.status, ms: performance.now() - started };
    });
    const waits: number[] = [];
    while (!answered || waits.length < 3) {
      const t = performance.now();
      const response = await fetch(`${app.origin}/mine-kurser`, { headers: { cookie: employee } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`/mine-kurser answered ${response.status}`);
      waits.push(performance.now() - t);
    }
    const answer = await upload;
    const peak = peakResidentMb(app.pid);
    const at = (p: number) => Math.round(percentile(waits, p));
    const row = `| ${file.label} | ${answer.status} | ${Math.round(answer.ms)} | ${Math.round(peak - idle)} | ${Math.round(peak)} | ${waits.length} | ${at(50)} | ${at(95)} |`;
    log(row);
    rows.push(row);
  }
  console.log(
    "\n| file | HR's answer | ms | RSS above idle MB | peak RSS MB | employee requests | p50 ms | p95 ms |\n| --- | --- | --- | --- | --- | --- | --- | --- |",
  );
  for (const row of rows) console.log(row);
} finally {
  await app.stop();
}
