// The app's jobs run in a real worker (tsx-loaded services, the worker's own connection to the
// file) and give what they give on this thread; and a worker trusts no viewer it is sent.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PEOPLE_QUERY } from "~/compliance/people-list";
import { type AppDatabase, openDatabase, schema, setThreadConnection } from "~/db.server";
import { createAccount, createEmployee, createUnit } from "~/test-fixtures";
import { type Jobs, jobs, type ViewerInput } from "./jobs.server";
import { JobFailedError, WorkerPool } from "./worker-pool.server";

let dir: string;
let db: AppDatabase;
let pool: WorkerPool;
const asOf = "2026-06-01";

function inWorker<K extends keyof Jobs>(name: K, input: Parameters<Jobs[K]>[0]) {
  return pool.run(name, input) as Promise<ReturnType<Jobs[K]>>;
}
const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (e: unknown) => (e instanceof JobFailedError ? e.status : String(e)),
  );

let top: ReturnType<typeof createUnit>;
let a: ReturnType<typeof createUnit>;
let b: ReturnType<typeof createUnit>;
let hr: ViewerInput;
let manager: ViewerInput;
let inA: number;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "jobs-"));
  const file = path.join(dir, "jobs.db");
  db = openDatabase(file);
  // This thread's jobs (run inline below) read the same file as the worker.
  setThreadConnection(db);
  top = createUnit(db, "Område");
  a = createUnit(db, "Afdeling A", top);
  b = createUnit(db, "Afdeling B", top);
  inA = createEmployee(db, a).id;
  createEmployee(db, a, { endDate: "2026-01-01" });
  createEmployee(db, b);
  const hrAccount = createAccount(db, "hr");
  const managerAccount = createAccount(db, "manager");
  db.insert(schema.managerScope).values({ userId: managerAccount.id, orgUnitId: a.id }).run();
  hr = { userId: hrAccount.id, role: "hr", scopePaths: [] };
  manager = { userId: managerAccount.id, role: "manager", scopePaths: [a.path] };
  pool = new WorkerPool({
    entry: path.resolve("app/server/pool-worker.mjs"),
    jobsModule: pathToFileURL(path.resolve("app/server/jobs.server.ts")).href,
    databasePath: file,
    size: 1,
    maxQueue: 10,
  });
});
afterAll(async () => {
  await pool.close();
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

// Starting a worker loads tsx and the services: seconds on a busy machine, not a timing target.
describe("the app's jobs in a worker", { timeout: 60_000 }, () => {
  it("the overview, a unit's page and its people list are what this thread computes", async () => {
    const overview = await inWorker("unitOverview", { viewer: hr, asOf });
    expect(overview).toEqual(jobs.unitOverview({ viewer: hr, asOf }));
    expect(overview.find((u) => u.id === top.id)?.counts.ai?.total).toBe(2);

    const dashboard = await inWorker("unitDashboard", { viewer: manager, unitId: a.id, asOf });
    expect(dashboard).toEqual(jobs.unitDashboard({ viewer: manager, unitId: a.id, asOf }));
    expect(dashboard.trend.length).toBeGreaterThan(0);

    const query = DEFAULT_PEOPLE_QUERY;
    const people = await inWorker("peopleView", { viewer: manager, unitId: a.id, query, asOf, page: 1 });
    expect(people.people.map((p) => p.employeeId)).toEqual([inA]);
    expect(people.unitLabels[a.id]).toBe("Område > Afdeling A");
  });

  it("a list without pages loads nobody when it holds more than asked for, and says how many", () => {
    const query = { ...DEFAULT_PEOPLE_QUERY, sort: "unit" as const };
    const all = jobs.peopleView({ viewer: hr, unitId: top.id, query, asOf, maxPeople: 2 });
    expect(all).toMatchObject({ total: 2, tooMany: false });
    expect(all.people).toHaveLength(2);
    const capped = jobs.peopleView({ viewer: hr, unitId: top.id, query, asOf, maxPeople: 1 });
    expect(capped).toMatchObject({ total: 2, tooMany: true, people: [] });
  });

  it("refuses a viewer that claims more than the database gives it", async () => {
    // A path the manager does not hold, a role the account does not have, an unknown account.
    const widened = { ...manager, scopePaths: [a.path, b.path] };
    expect(await statusOf(inWorker("unitOverview", { viewer: widened, asOf }))).toBe(403);
    expect(await statusOf(inWorker("unitOverview", { viewer: { ...manager, role: "hr" }, asOf }))).toBe(403);
    expect(await statusOf(inWorker("unitOverview", { viewer: { ...hr, userId: 999_999 }, asOf }))).toBe(403);
    // Outside the scope, and no such unit: as requireUnitForViewer answers.
    expect(await statusOf(inWorker("unitDashboard", { viewer: manager, unitId: b.id, asOf }))).toBe(403);
    expect(await statusOf(inWorker("unitDashboard", { viewer: hr, unitId: 999_999, asOf }))).toBe(404);
    // Narrowing is allowed: a manager with no path sees nothing.
    expect(await inWorker("unitOverview", { viewer: { ...manager, scopePaths: [] }, asOf })).toEqual([]);
  });

  it("a deactivated account gets nothing, and only HR may apply an import", async () => {
    const gone = createAccount(db, "hr", { deactivatedAt: Date.now() });
    const viewer = { userId: gone.id, role: "hr" as const, scopePaths: [] };
    expect(await statusOf(inWorker("unitOverview", { viewer, asOf }))).toBe(403);
    expect(
      await statusOf(inWorker("applyPendingCompletions", { pendingId: "x", userId: manager.userId })),
    ).toBe(403);
    await expect(inWorker("applyPendingCompletions", { pendingId: "x", userId: hr.userId })).resolves.toEqual(
      {
        error: "Filen findes ikke længere. Indlæs den igen.",
      },
    );
  });
});
