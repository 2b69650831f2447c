import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { JobFailedError, PoolBusyError, WorkerPool } from "./worker-pool.server";

const ENTRY = path.resolve("app/server/pool-worker.mjs");
const JOBS = pathToFileURL(path.resolve("app/server/worker-pool.test-jobs.ts")).href;
let dir: string;
let file: string;
const pools: WorkerPool[] = [];

function pool(options: { size?: number; maxQueue?: number; timeoutMs?: number } = {}) {
  const p = new WorkerPool({
    entry: ENTRY,
    jobsModule: JOBS,
    databasePath: file,
    size: options.size ?? 1,
    maxQueue: options.maxQueue ?? 10,
    timeoutMs: options.timeoutMs,
  });
  pools.push(p);
  return p;
}

// Node 20 has Atomics.waitAsync; TypeScript's ES2022 lib does not declare it yet.
const { waitAsync } = Atomics as unknown as {
  waitAsync(view: Int32Array, index: number, value: number): { value: Promise<string> | string };
};

/** Starts `spin` and resolves once the worker is inside it (the worker says so, not a clock). */
async function startSpin(p: WorkerPool) {
  const flag = new SharedArrayBuffer(4);
  const started = new SharedArrayBuffer(4);
  const done = p.run("spin", { flag, started });
  await waitAsync(new Int32Array(started), 0, 0).value;
  return {
    done,
    release: () => {
      Atomics.store(new Int32Array(flag), 0, 1);
    },
  };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "pool-"));
  file = path.join(dir, "pool.db");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.exec("create table t (x integer); insert into t values (1), (2), (3);");
  db.close();
});
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Starting a worker loads tsx: seconds on a busy machine, not a timing target.
describe("worker pool", { timeout: 60_000 }, () => {
  it("runs a named job and hands back its plain-data result", async () => {
    const p = pool();
    await expect(p.run("echo", { value: { a: [1, "to"] } })).resolves.toEqual({ value: { a: [1, "to"] } });
    // Each worker reads the same file on its own connection.
    await expect(p.run("countRows", {})).resolves.toBe(3);
  });

  it("passes a job's error back to the caller, keeping a Remix response's status", async () => {
    const p = pool();
    await expect(p.run("fail", { message: "Noget gik galt" })).rejects.toThrow("Noget gik galt");
    const refused = await p.run("forbidden", {}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(JobFailedError);
    expect((refused as JobFailedError).status).toBe(403);
    expect((refused as JobFailedError).data).toEqual({ message: "Du har ikke adgang til denne side." });
    await expect(p.run("nosuchjob", {})).rejects.toThrow("Ukendt opgave: nosuchjob");
    // The worker survives a failing job.
    await expect(p.run("echo", { value: 1 })).resolves.toEqual({ value: 1 });
  });

  it("replaces a worker that crashes: the job fails, the next one runs", async () => {
    const p = pool();
    await expect(p.run("crash", {})).rejects.toThrow(/stoppede uventet \(kode 7\)/);
    await expect(p.run("echo", { value: "igen" })).resolves.toEqual({ value: "igen" });
    expect(p.stats().workers).toBe(1);
  });

  it("a job queued behind a crash still runs", async () => {
    const p = pool();
    const crashed = p.run("crash", {});
    const queued = p.run("countRows", {});
    await expect(crashed).rejects.toThrow();
    await expect(queued).resolves.toBe(3);
  });

  it("refuses at once when the queue is full, instead of letting the wait grow", async () => {
    const p = pool({ size: 1, maxQueue: 2 });
    const spin = await startSpin(p);
    const waiting = [p.run("echo", { value: 1 }), p.run("echo", { value: 2 })];
    await expect(p.run("echo", { value: 3 })).rejects.toBeInstanceOf(PoolBusyError);
    expect(p.stats()).toEqual({ workers: 1, busy: 1, queued: 2 });
    spin.release();
    await expect(spin.done).resolves.toBe("released");
    await expect(Promise.all(waiting)).resolves.toEqual([{ value: 1 }, { value: 2 }]);
    // Room again once the queue has drained.
    await expect(p.run("echo", { value: 4 })).resolves.toEqual({ value: 4 });
  });

  it("the request thread answers while a heavy job keeps a worker busy", async () => {
    const p = pool({ size: 1 });
    const spin = await startSpin(p);
    let heavyDone = false;
    void spin.done.then(() => {
      heavyDone = true;
    });
    // A cheap read on this thread's own connection, while the worker spins at full speed.
    const db = new Database(file, { readonly: true });
    const n = (db.prepare("select count(*) as n from t").get() as { n: number }).n;
    db.close();
    expect(n).toBe(3);
    expect(heavyDone).toBe(false);
    spin.release();
    await expect(spin.done).resolves.toBe("released");
  });

  it("stops a job past its time limit and carries on with a fresh worker", async () => {
    const p = pool({ size: 1, timeoutMs: 200 });
    // spin never released: only the time limit ends it.
    const flag = new SharedArrayBuffer(4);
    await expect(p.run("spin", { flag, started: new SharedArrayBuffer(4) })).rejects.toThrow(
      /tog for lang tid/,
    );
    await expect(p.run("echo", { value: "videre" })).resolves.toEqual({ value: "videre" });
  });

  it("close ends the workers and rejects what was waiting", async () => {
    const p = pool({ size: 1 });
    const spin = await startSpin(p);
    const outcomes = Promise.allSettled([spin.done, p.run("echo", { value: 1 })]);
    await p.close();
    const reasons = (await outcomes).map((o) => (o.status === "rejected" ? String(o.reason) : o.status));
    expect(reasons).toEqual(["Error: Serveren lukker.", "Error: Serveren lukker."]);
    await expect(p.run("echo", { value: 2 })).rejects.toThrow();
  });
});
