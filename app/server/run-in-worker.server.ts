// The app's worker pool and the one call the routes use: `runInWorker("name", input)` runs a job
// of jobs.server.ts in a worker thread, so heavy pages never hold up anybody else's request.
// Without threads (WORKER_THREADS=0, or an in-memory database the threads could not share) the
// job runs here, with the same code and the same checks.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { databasePath } from "~/db.server";
import { config } from "~/env.server";
import { type Jobs, jobs } from "./jobs.server";
import { isJobFailed, isPoolBusy, WorkerPool } from "./worker-pool.server";

// Next to the sources, resolved from the working directory like the server's build (the server
// and the tests run from the project folder); the Vite build does not bundle the threads' code.
const ENTRY = path.resolve("app/server/pool-worker.mjs");
const JOBS_MODULE = pathToFileURL(path.resolve("app/server/jobs.server.ts")).href;

export const BUSY_MESSAGE =
  "Siden har travlt lige nu, fordi mange henter oversigter på samme tid. Vent et øjeblik, og prøv igen.";

// One pool per process (kept across dev-server reloads); null means "run on this thread".
const globalForPool = globalThis as unknown as { __workerPool?: WorkerPool | null };

function appPool(): WorkerPool | null {
  if (globalForPool.__workerPool === undefined) {
    const { size, maxQueue } = config().workerPool;
    const file = databasePath();
    globalForPool.__workerPool =
      size === 0 || file === ":memory:"
        ? null
        : new WorkerPool({
            entry: ENTRY,
            jobsModule: JOBS_MODULE,
            databasePath: path.resolve(file),
            size,
            maxQueue,
          });
  }
  return globalForPool.__workerPool;
}

type JobName = keyof Jobs;
type JobInput<K extends JobName> = Parameters<Jobs[K]>[0];
type JobResult<K extends JobName> = Awaited<ReturnType<Jobs[K]>>;

/**
 * Runs job `name` off the request thread. A job that threw a Remix response (403, 404) throws
 * the same response here; a full queue throws a 503 with a Danish "try again" message.
 */
export async function runInWorker<K extends JobName>(name: K, input: JobInput<K>): Promise<JobResult<K>> {
  const pool = appPool();
  if (!pool) return (jobs[name] as (input: JobInput<K>) => JobResult<K>)(input);
  try {
    return (await pool.run(name, input)) as JobResult<K>;
  } catch (error) {
    // Responses, not data(): a resource route (a file download) passes a thrown Response on as it
    // is, where a thrown data() reaches the browser as "Unexpected Server Error".
    if (isPoolBusy(error)) {
      throw Response.json({ message: BUSY_MESSAGE }, { status: 503, headers: { "Retry-After": "5" } });
    }
    if (isJobFailed(error) && error.status) throw Response.json(error.data, { status: error.status });
    throw error;
  }
}

/** Starts the threads at server start, so the first heavy page does not wait for them. */
export function startWorkerPool(): void {
  appPool()?.warmUp();
}

/** Ends the threads (server shutdown); jobs still running are rejected. */
export async function closeWorkerPool(): Promise<void> {
  const pool = globalForPool.__workerPool;
  globalForPool.__workerPool = undefined;
  await pool?.close();
}
