// `npm run demo`: builds if needed, creates and migrates the database, loads the demo data when
// it holds no employees, and serves the site.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import { today } from "~/compliance/day";
import { databasePath, openDatabase } from "~/db.server";
import { config } from "~/env.server";
import { seedDemoData } from "../../db/demo-data";
import { employee } from "../../db/schema";

const settings = config();

/** The newest modification time of any file under `dir`. */
function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const BUILD = "build/server/index.js";
const buildIsStale =
  !existsSync(BUILD) ||
  Math.max(newestChange("app"), statSync("package-lock.json").mtimeMs) > statSync(BUILD).mtimeMs;
if (buildIsStale) {
  console.log("Bygger siden …");
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const db = openDatabase();
const employees = db.select({ n: count() }).from(employee).get()?.n ?? 0;
if (employees === 0) {
  const result = await seedDemoData(db, today());
  console.log(`Demodata indlæst: ${result.employees} medarbejdere, ${result.completions} gennemførelser.`);
} else {
  console.log(
    `Databasen ${databasePath()} har allerede ${employees} medarbejdere; demodata indlæses ikke igen.`,
  );
}
db.$client.close();

const port = String(settings.port);
console.log(`Åbn http://localhost:${port} og log ind med en af demokontiene på login-siden.`);
const server = spawn(process.execPath, ["--import", "tsx", "app/server/index.ts"], {
  stdio: "inherit",
  env: { ...process.env, PORT: port },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
