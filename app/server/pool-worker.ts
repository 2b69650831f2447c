// One thread of the worker pool: its own SQLite connection to the server's file, then the named
// jobs of `workerData.jobsModule` (app/server/jobs.server.ts in the app), one at a time.
import { parentPort, workerData } from "node:worker_threads";
import { openConnection, setThreadConnection } from "~/db.server";
import { type JobRequest, serializeJobError, type WorkerMessage } from "./worker-pool.server";

type Jobs = Record<string, (input: never) => unknown>;
const { jobsModule, databasePath } = workerData as { jobsModule: string; databasePath: string };

// Every read and write of the jobs goes through getDb(), which now returns this connection.
setThreadConnection(openConnection(databasePath));
const { jobs } = (await import(jobsModule)) as { jobs: Jobs };

const post = (message: WorkerMessage) => parentPort?.postMessage(message);

parentPort?.on("message", async ({ id, name, input }: JobRequest) => {
  try {
    const job = Object.hasOwn(jobs, name) ? jobs[name] : undefined;
    if (!job) throw new Error(`Ukendt opgave: ${name}`);
    post({ type: "done", id, result: await job(input as never) });
  } catch (error) {
    post({ type: "failed", id, error: serializeJobError(error) });
  }
});
post({ type: "ready" });
