// Deadline-day load, a crash mid-write and a backup under load, against the production server.
// No browser: each test starts its own server (the production build, as `npm start` runs it) on a
// free port over a fresh SQLite file, signs 100–200 employees in by writing sessions straight
// into the database (hashing 200 passwords would take longer than the test), and submits the GDPR
// course's last quiz for all of them at once with node's fetch.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { generateSessionToken } from "../app/auth/session-token";
import { backupDatabase } from "../app/backup.server";
import { issueAttemptId } from "../app/courses/attempt-id.server";
import { percentile } from "./bench/figures";
import { attemptIdIn, courseContent } from "./course";
import { freePort } from "./helpers";

test.describe.configure({ mode: "serial" });

const execFileAsync = promisify(execFile);
const gdpr = courseContent("gdpr");
const lastModule = gdpr.modules.at(-1);
if (!lastModule) throw new Error("GDPR has no modules");
const last = lastModule;
const QUIZ_PATH = `/kurser/gdpr/${last.slug}/quiz`;
const resultPath = (attemptId: string) => `/kurser/gdpr/${last.slug}/resultat/${attemptId}`;
const CORRECT = Object.fromEntries(
  last.quiz.map((q) => [q.id, String(q.options.findIndex((o) => o.correct))]),
);
// In production the session cookie is __Host- prefixed (and Secure); a script may send it over
// plain http as an ordinary Cookie header.
const SESSION_COOKIE = "__Host-albertslund_session";
const IN_FLIGHT = 50;

// ---------------------------------------------------------------------------------------------
// The server under test

interface Server {
  proc: ChildProcess;
  origin: string;
  stderr: string[];
}

/** `npm run db:migrate` on a new file. */
async function migrate(databasePath: string) {
  await execFileAsync("npx", ["tsx", "db/migrate.ts"], {
    env: { ...process.env, DATABASE_PATH: databasePath },
    timeout: 30_000,
  });
}

/**
 * The production server (the second half of `npm start`) in a process group of its own. It opens
 * the database with openDatabase, so it recovers the WAL and applies any pending migration itself.
 */
async function startServer(databasePath: string, port: number): Promise<Server> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_PATH: databasePath,
    PORT: String(port),
    NODE_ENV: "production" as const,
    LOG_FILE: "/dev/null",
  };
  const proc = spawn(process.execPath, ["--import", "tsx", "app/server/index.ts"], {
    env,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const stderr: string[] = [];
  proc.stderr?.on("data", (chunk: Buffer) => {
    stderr.push(chunk.toString());
    if (stderr.length > 50) stderr.shift();
  });
  const server = { proc, origin: `http://localhost:${port}`, stderr };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null || proc.signalCode !== null) {
      throw new Error(
        `The server stopped at start (${proc.exitCode ?? proc.signalCode}): ${stderr.join("")}`,
      );
    }
    try {
      const res = await fetch(`${server.origin}/login`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stopServer(server, "SIGKILL");
  throw new Error(`The server did not answer within 30 s: ${stderr.join("")}`);
}

function exited(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => proc.once("exit", () => resolve()));
}

/** Signals the server's whole process group and waits (at most 5 s) until it is gone. */
async function stopServer(server: Server | undefined, signal: NodeJS.Signals = "SIGTERM") {
  if (!server?.proc.pid) return;
  if (server.proc.exitCode !== null || server.proc.signalCode !== null) return;
  try {
    process.kill(-server.proc.pid, signal);
  } catch {
    return; // already gone
  }
  const gone = exited(server.proc);
  const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5_000));
  if ((await Promise.race([gone, timer])) === "timeout") {
    try {
      process.kill(-server.proc.pid, "SIGKILL");
    } catch {
      // gone meanwhile
    }
    await gone;
  }
}

// ---------------------------------------------------------------------------------------------
// Employees who have only the GDPR course's last quiz left

interface Person {
  index: number;
  employeeId: number;
  cookie: string;
  /** Issues an attempt id as the quiz page would, for tests that skip the GET (see submitAll). */
  openAttempt: () => string;
}

function danishDay(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(new Date());
}

/**
 * `count` employees, each with an account and a session, every GDPR module but the last passed
 * and the last one read to its final page (as course.spec.ts's double-submit test sets it up).
 */
function seedEmployees(databasePath: string, count: number, tag: string): Person[] {
  const db = new Database(databasePath);
  db.pragma("busy_timeout = 5000");
  try {
    const courseId = (db.prepare("select id from course where code = 'gdpr'").get() as { id: number }).id;
    // The installation's own key for attempt ids, made by the migration.
    const key = (
      db.prepare("select key from signing_key where purpose = 'quiz_attempt'").get() as { key: Buffer }
    ).key;
    const now = Date.now();
    const day = danishDay();
    return db.transaction(() => {
      const unitId = (
        db
          .prepare("insert into org_unit (name, path) values (?, ?) returning id")
          .get(`Belastningstest ${tag}`, `tmp-${tag}`) as { id: number }
      ).id;
      db.prepare("update org_unit set path = ? where id = ?").run(`/${unitId}/`, unitId);
      const insertEmployee = db.prepare(
        "insert into employee (employee_number, name, email, org_unit_id, start_date) values (?, ?, ?, ?, '2022-01-01') returning id",
      );
      const insertAccount = db.prepare(
        "insert into user_account (email, name, role, employee_id, created_at) values (?, ?, 'employee', ?, ?) returning id",
      );
      const insertSession = db.prepare(
        "insert into session (id, user_id, secret_hash, last_verified_at, created_at) values (?, ?, ?, ?, ?)",
      );
      const insertAttempt = db.prepare(
        "insert into quiz_attempt (id, employee_id, course_id, module_slug, course_version, answers, score, passed, submitted_at, submitted_on) values (?, ?, ?, ?, ?, '{}', 100, 1, ?, ?)",
      );
      const insertProgress = db.prepare(
        "insert into module_progress (employee_id, course_id, module_slug, current_page, furthest_page, updated_at) values (?, ?, ?, ?, ?, ?)",
      );
      const people: Person[] = [];
      for (let index = 0; index < count; index++) {
        const email = `last-${tag}-${index}@albertslund.test`;
        const name = `Belastning ${tag} ${index}`;
        const employeeId = (insertEmployee.get(`L-${tag}-${index}`, name, email, unitId) as { id: number })
          .id;
        const userId = (insertAccount.get(email, name, employeeId, now) as { id: number }).id;
        const { id, secretHash, token } = generateSessionToken();
        insertSession.run(id, userId, Buffer.from(secretHash), now, now);
        for (const m of gdpr.modules.slice(0, -1)) {
          insertAttempt.run(crypto.randomUUID(), employeeId, courseId, m.slug, gdpr.version, now, day);
        }
        const lastPage = last.pages.length - 1;
        insertProgress.run(employeeId, courseId, last.slug, lastPage, lastPage, now);
        const binding = { employeeId, courseCode: "gdpr", moduleSlug: last.slug };
        people.push({
          index,
          employeeId,
          cookie: `${SESSION_COOKIE}=${token}`,
          openAttempt: () => issueAttemptId(key, binding),
        });
      }
      return people;
    })();
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Traffic

interface Outcome {
  person: Person;
  method: "GET" | "POST";
  attemptId?: string;
  status?: number;
  location?: string | null;
  body?: string;
  /** A connection error (refused, reset) instead of a response. */
  error?: string;
  ms: number;
}

/** At most `max` calls in flight; a finished call hands its slot straight to the next in line. */
function limiter(max: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (active < max) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

async function request(
  server: Server,
  person: Person,
  method: "GET" | "POST",
  attemptId?: string,
): Promise<Outcome> {
  const started = performance.now();
  try {
    const res = await fetch(`${server.origin}${QUIZ_PATH}`, {
      method,
      redirect: "manual",
      signal: AbortSignal.timeout(20_000),
      headers: {
        Cookie: person.cookie,
        ...(method === "POST"
          ? {
              // A script's POST has no Sec-Fetch-Site, so the request gate wants the site's Origin.
              Origin: server.origin,
              "Content-Type": "application/x-www-form-urlencoded",
            }
          : {}),
      },
      body:
        method === "POST"
          ? new URLSearchParams({ ...CORRECT, forsoeg: attemptId ?? "" }).toString()
          : undefined,
    });
    const body = await res.text();
    return {
      person,
      method,
      // A GET hands out the attempt id the page's form will send.
      attemptId: method === "GET" && res.status === 200 ? attemptIdIn(body) : attemptId,
      status: res.status,
      location: res.headers.get("location"),
      body,
      ms: performance.now() - started,
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return {
      person,
      method,
      attemptId,
      error: cause?.code ?? String(error),
      ms: performance.now() - started,
    };
  }
}

/** A POST the site acknowledged: the redirect to this attempt's result page (not to /login). */
function acknowledged(o: Outcome): boolean {
  return o.method === "POST" && o.status === 302 && o.location === resultPath(o.attemptId ?? "");
}

interface Plan {
  /**
   * Load the quiz page first, as a person does, and submit the attempt id it hands out. Without
   * it, the ids are issued straight from the database's key (as sessions are written straight
   * into it), so only the POSTs make load.
   */
  withGet: boolean;
  /** ~20 % send the same attempt twice (a double click), ~10 % a second attempt (two tabs). */
  withDuplicates: boolean;
}

/**
 * Every person's submissions at once, IN_FLIGHT requests at a time. A person's POSTs go out
 * together (after their GET), so duplicates really race each other on the server.
 */
async function submitAll(
  server: Server,
  people: Person[],
  plan: Plan,
  onOutcome: (o: Outcome) => void = () => {},
): Promise<Outcome[]> {
  const limit = limiter(IN_FLIGHT);
  const outcomes: Outcome[] = [];
  const send = async (person: Person, method: "GET" | "POST", attemptId?: string) => {
    const o = await limit(() => request(server, person, method, attemptId));
    outcomes.push(o);
    onOutcome(o);
    return o;
  };
  const open = async (person: Person) =>
    plan.withGet ? ((await send(person, "GET")).attemptId ?? "") : person.openAttempt();
  await Promise.all(
    people.map(async (person) => {
      const secondTab = plan.withDuplicates && person.index % 10 === 1;
      const [tabA, tabB] = await Promise.all([open(person), secondTab ? open(person) : undefined]);
      const posts = [send(person, "POST", tabA)];
      if (plan.withDuplicates && person.index % 5 === 0) posts.push(send(person, "POST", tabA));
      if (tabB !== undefined) posts.push(send(person, "POST", tabB));
      await Promise.all(posts);
    }),
  );
  return outcomes;
}

function seconds(ms: number): string {
  return (ms / 1000).toLocaleString("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

// ---------------------------------------------------------------------------------------------
// Reading the database

function withDb<T>(file: string, fn: (db: Database.Database) => T, readonly = true): T {
  const db = new Database(file, { readonly, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function integrity(db: Database.Database): string {
  return db.pragma("integrity_check", { simple: true }) as string;
}

function scalar(db: Database.Database, sql: string, ...args: unknown[]): number {
  return (db.prepare(sql).get(...args) as { n: number }).n;
}

/** Completions per employee (only employees with at least one). */
function completionsByEmployee(db: Database.Database): Map<number, number> {
  const rows = db
    .prepare("select employee_id as id, count(*) as n from completion group by employee_id")
    .all() as { id: number; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

// ---------------------------------------------------------------------------------------------

let template: string | undefined;
let dir: string | undefined;
let server: Server | undefined;

// Migrating takes seconds on a busy machine, so it runs once: every test starts from a copy of
// this freshly migrated, empty database (closed, so it is one file).
test.beforeAll(async () => {
  test.setTimeout(60_000);
  template = mkdtempSync(path.join(tmpdir(), "albertslund-load-template-"));
  await migrate(path.join(template, "tom.db"));
});

test.afterAll(() => {
  if (template) rmSync(template, { recursive: true, force: true });
});

/** A fresh database of the test's own: a copy of the migrated template in a new temp folder. */
function freshDatabase(name: string): string {
  dir = mkdtempSync(path.join(tmpdir(), "albertslund-load-"));
  const file = path.join(dir, name);
  copyFileSync(path.join(template ?? "", "tom.db"), file);
  return file;
}

test.afterEach(async () => {
  await stopServer(server, "SIGKILL");
  server = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

test("deadline day: 200 employees submit the last quiz at once, with double clicks and two tabs", async () => {
  test.setTimeout(60_000);
  const file = freshDatabase("load.db");
  const port = await freePort();
  // The people arrive while the server runs, as on a live installation.
  server = await startServer(file, port);
  const people = seedEmployees(file, 200, "a");

  const started = performance.now();
  const outcomes = await submitAll(server, people, { withGet: true, withDuplicates: true });
  const elapsed = performance.now() - started;

  const posts = outcomes.filter((o) => o.method === "POST");
  const gets = outcomes.filter((o) => o.method === "GET");
  const failed = outcomes.filter((o) => o.error !== undefined || (o.status ?? 500) >= 500);
  const unexpected = outcomes.filter((o) => (o.method === "GET" ? o.status !== 200 : !acknowledged(o)));
  const { completions, perEmployee, finalAttempts, ok } = withDb(file, (db) => ({
    completions: scalar(db, "select count(*) as n from completion"),
    perEmployee: completionsByEmployee(db),
    finalAttempts: scalar(db, "select count(*) as n from quiz_attempt where module_slug = ?", last.slug),
    ok: integrity(db),
  }));
  const postMs = posts.map((o) => o.ms);
  console.log(
    `Belastning: ${outcomes.length} forespørgsler (${gets.length} GET, ${posts.length} POST, højst ${IN_FLIGHT} ad gangen), ` +
      `${completions} gennemførelser, ${failed.length} fejl, ${seconds(elapsed)} s, ` +
      `${Math.round(outcomes.length / (elapsed / 1000))} forespørgsler/s, ` +
      `POST median ${Math.round(percentile(postMs, 50))} ms, p95 ${Math.round(percentile(postMs, 95))} ms`,
  );

  // 200 GETs plus 20 for the second tabs; 200 POSTs plus 40 double clicks and 20 second tabs.
  expect(outcomes).toHaveLength(200 + 20 + 200 + 40 + 20);
  expect(failed.map((o) => o.error ?? o.status)).toEqual([]);
  expect(unexpected.map((o) => `${o.method} ${o.status} ${o.location ?? ""}`)).toEqual([]);
  expect(outcomes.filter((o) => o.body?.includes("SQLITE_BUSY"))).toHaveLength(0);
  expect(new Set(gets.map((o) => o.attemptId)).size).toBe(gets.length);
  expect(completions).toBe(200);
  expect(people.filter((p) => perEmployee.get(p.employeeId) !== 1)).toEqual([]);
  // The same attempt id twice is stored once; a second tab is an attempt of its own.
  expect(finalAttempts).toBe(200 + 20);
  expect(ok).toBe("ok");
});

test("a crash mid-load loses no acknowledged completion, and the site starts again", async () => {
  test.setTimeout(60_000);
  const file = freshDatabase("crash.db");
  const port = await freePort();
  const running = await startServer(file, port);
  server = running;
  const people = seedEmployees(file, 200, "b");

  const killAfter = Math.round(people.length * 0.4);
  const acked = new Set<number>();
  let ackedBeforeKill: Set<number> | undefined;
  let killedAt = 0;
  const started = performance.now();
  const outcomes = await submitAll(running, people, { withGet: false, withDuplicates: true }, (o) => {
    // Every 302 that reaches us was sent after the server committed (synchronous=FULL), even one
    // read from the socket just after the kill.
    if (acknowledged(o)) acked.add(o.person.employeeId);
    if (!ackedBeforeKill && acked.size >= killAfter && running.proc.pid) {
      ackedBeforeKill = new Set(acked);
      killedAt = performance.now() - started;
      process.kill(-running.proc.pid, "SIGKILL");
    }
  });
  await exited(running.proc);
  expect(ackedBeforeKill?.size).toBe(killAfter);

  const refused = outcomes.filter((o) => o.error !== undefined);
  const answered = outcomes.filter((o) => o.status !== undefined);
  expect(answered.filter((o) => (o.status ?? 0) >= 500)).toEqual([]);
  expect(answered.filter((o) => !acknowledged(o)).map((o) => `${o.status} ${o.location}`)).toEqual([]);

  // Start again on the same file, as after a crash (the server opens it with openDatabase).
  server = await startServer(file, port);
  const after = withDb(file, (db) => ({
    ok: integrity(db),
    perEmployee: completionsByEmployee(db),
    attempts: new Set(
      (
        db.prepare("select id from quiz_attempt where module_slug = ?").all(last.slug) as { id: string }[]
      ).map((r) => r.id),
    ),
  }));
  expect(after.ok).toBe("ok");
  for (const employeeId of acked) expect(after.perEmployee.get(employeeId)).toBe(1);
  expect([...after.perEmployee.values()].filter((n) => n !== 1)).toEqual([]);
  for (const o of outcomes.filter(acknowledged)) expect(after.attempts.has(o.attemptId ?? "")).toBe(true);

  // The restarted site shows an acknowledged result, and everyone left can finish now.
  const someone = outcomes.find(acknowledged);
  const shown = await fetch(`${server.origin}${resultPath(someone?.attemptId ?? "")}`, {
    headers: { Cookie: someone?.person.cookie ?? "" },
    redirect: "manual",
  });
  await shown.arrayBuffer();
  expect(shown.status).toBe(200);
  const left = people.filter((p) => !after.perEmployee.has(p.employeeId));
  const retry = await submitAll(server, left, { withGet: false, withDuplicates: false });
  expect(retry.filter((o) => !acknowledged(o))).toEqual([]);
  const finalCompletions = withDb(file, (db) => scalar(db, "select count(*) as n from completion"));
  expect(finalCompletions).toBe(200);

  console.log(
    `Nedbrud: ${outcomes.length} indsendelser fra 200 medarbejdere; SIGKILL efter ${killAfter} kvitterede ` +
      `(${seconds(killedAt)} s); ${acked.size} kvitteret i alt, ${answered.length} svar, ${refused.length} forbindelsesfejl ` +
      `(${[...new Set(refused.map((o) => o.error))].join(", ")}); efter genstart: integrity_check ${after.ok}, ` +
      `${after.perEmployee.size} gennemførelser (alle ${acked.size} kvitterede præcis én), ` +
      `${left.length} gennemførte bagefter, i alt ${finalCompletions}`,
  );
});

test("a backup taken under load is consistent and can be restored", async () => {
  test.setTimeout(60_000);
  const file = freshDatabase("live.db");
  const base = path.dirname(file);
  const copy = path.join(base, "kopi.db");
  const restored = path.join(base, "gendannet.db");
  const port = await freePort();
  server = await startServer(file, port);
  const people = seedEmployees(file, 100, "c");

  // The backup starts once the first 10 submissions are acknowledged, while the rest run.
  let ackCount = 0;
  let startBackup: () => void = () => {};
  const backupGo = new Promise<void>((resolve) => {
    startBackup = resolve;
  });
  const load = submitAll(server, people, { withGet: false, withDuplicates: false }, (o) => {
    if (acknowledged(o)) ackCount++;
    if (ackCount >= 10) startBackup();
  });
  const backup = (async () => {
    await Promise.race([backupGo, load]);
    const ackedAtStart = ackCount;
    const result = await backupDatabase(file, copy);
    return { result, ackedAtStart, ackedAtEnd: ackCount };
  })();
  const [outcomes, { result, ackedAtStart, ackedAtEnd }] = await Promise.all([load, backup]);

  expect(outcomes.filter((o) => !acknowledged(o))).toEqual([]);
  expect(ackedAtStart).toBeLessThan(people.length);
  expect(withDb(copy, integrity)).toBe("ok");

  // Restore as the README says: the one file copied into place, then opened by the app
  // (openDatabase: pragmas and migrations), as `npm start` does.
  copyFileSync(copy, restored);
  await migrate(restored);
  const inCopy = withDb(restored, (db) => ({
    ok: integrity(db),
    employees: scalar(db, "select count(*) as n from employee"),
    completions: scalar(db, "select count(*) as n from completion"),
    // A completion and the passed attempt behind it are written in one transaction: a consistent
    // snapshot has both or neither.
    passedFinal: scalar(
      db,
      "select count(distinct employee_id) as n from quiz_attempt where module_slug = ? and passed = 1",
      last.slug,
    ),
  }));
  const live = withDb(file, (db) => scalar(db, "select count(*) as n from completion"));

  console.log(
    `Sikkerhedskopi under belastning: ${result.ms} ms, ${result.bytes.toLocaleString("da-DK")} byte, ` +
      `${result.restarts} omstarter; startet efter ${ackedAtStart} og færdig efter ${ackedAtEnd} af ${people.length} kvitteringer; ` +
      `kopien har ${inCopy.completions} gennemførelser, databasen ${live}`,
  );

  expect(result.employees).toBe(100);
  expect(inCopy.ok).toBe("ok");
  expect(inCopy.employees).toBe(100);
  expect(inCopy.completions).toBe(result.completions);
  // What was acknowledged before the backup began is in the copy.
  expect(inCopy.completions).toBeGreaterThanOrEqual(ackedAtStart);
  expect(inCopy.completions).toBeLessThanOrEqual(live);
  expect(inCopy.passedFinal).toBe(inCopy.completions);
  expect(live).toBe(100);
});
