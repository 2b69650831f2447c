// Jobs for worker-pool.server.test.ts: each shows one behaviour of the pool.
import { data } from "@remix-run/node";
import { getDb } from "~/db.server";

export const jobs = {
  echo(input: { value: unknown }) {
    return { value: input.value };
  },
  /** A read on the worker's own connection. */
  countRows() {
    return (getDb().$client.prepare("select count(*) as n from t").get() as { n: number }).n;
  },
  fail(input: { message: string }) {
    throw new Error(input.message);
  },
  forbidden() {
    throw data({ message: "Du har ikke adgang til denne side." }, { status: 403 });
  },
  crash() {
    process.exit(7);
  },
  /**
   * Keeps its thread fully busy (a CPU loop, not a wait) until the test sets flag[0] to 1:
   * a deliberately heavy job whose end the test decides, with no clock involved.
   */
  spin(input: { flag: SharedArrayBuffer; started: SharedArrayBuffer }) {
    const flag = new Int32Array(input.flag);
    const started = new Int32Array(input.started);
    Atomics.store(started, 0, 1);
    Atomics.notify(started, 0);
    while (Atomics.load(flag, 0) === 0) {
      // busy on purpose
    }
    return "released";
  },
};
