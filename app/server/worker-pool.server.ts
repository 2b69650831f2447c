// A small pool of worker threads that runs named jobs (app/server/jobs.server.ts) off the request
// thread, so a heavy HR page or an import apply never makes an employee's page wait. Each worker
// has its own SQLite connection to the same file (WAL: readers run side by side with the writer).
// Arguments and results are plain data (they are copied between threads). The queue is bounded:
// when it is full the caller gets PoolBusyError at once (a 503 page) instead of waiting without end.
import { Worker } from "node:worker_threads";

export interface PoolOptions {
  /** The worker's entry: a plain .mjs file that registers tsx and loads pool-worker.ts. */
  entry: string | URL;
  /** The module (path or URL) whose `jobs` export maps names to functions. */
  jobsModule: string;
  databasePath: string;
  size: number;
  /** How many jobs may wait for a free worker; beyond that `run` refuses. */
  maxQueue: number;
  /** A job still running after this is stopped (its worker is ended and replaced). */
  timeoutMs?: number;
}

/** What a job threw, as plain data; `status` and `data` carry a thrown Remix `data()` response. */
export interface JobError {
  name: string;
  message: string;
  status?: number;
  data?: unknown;
}

export type WorkerMessage =
  | { type: "ready" }
  | { type: "done"; id: number; result: unknown }
  | { type: "failed"; id: number; error: JobError };

export interface JobRequest {
  id: number;
  name: string;
  input: unknown;
}

/** The queue is full: the caller should answer "try again soon". */
export class PoolBusyError extends Error {
  constructor() {
    super("Alle baggrundsprocesser har travlt.");
    this.name = "PoolBusyError";
  }
}

// The server loads this module twice (its own source import to start and stop the pool, and the
// Remix build's bundled copy that the routes use), so callers test errors by name, not instanceof.
export const isPoolBusy = (error: unknown): error is PoolBusyError =>
  error instanceof Error && error.name === "PoolBusyError";
export const isJobFailed = (error: unknown): error is JobFailedError =>
  error instanceof Error && "jobFailed" in error;

/** A job failed inside its worker; `status`/`data` are set when it threw a Remix response. */
export class JobFailedError extends Error {
  readonly jobFailed = true;
  readonly status?: number;
  readonly data?: unknown;
  constructor(error: JobError) {
    super(error.message);
    this.name = error.name;
    this.status = error.status;
    this.data = error.data;
  }
}

interface Task {
  id: number;
  name: string;
  input: unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Its code is loaded: the time limit of a job counts from here, not from the thread's start. */
  ready: boolean;
  task: Task | null;
  timer?: NodeJS.Timeout;
}

const DEFAULT_TIMEOUT_MS = 120_000;

export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  /** Runs the job `name` with `input` in a worker; rejects with PoolBusyError when the queue is full. */
  run(name: string, input: unknown): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error("Baggrundsprocesserne er lukket."));
    if (this.queue.length >= this.options.maxQueue && !this.hasIdleSlot()) {
      return Promise.reject(new PoolBusyError());
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, name, input, resolve, reject });
      this.dispatch();
    });
  }

  /** Starts every worker now, so the first heavy page does not also wait for tsx to load. */
  warmUp(): void {
    while (!this.closed && this.slots.size < this.options.size) this.spawn();
  }

  stats(): { workers: number; busy: number; queued: number } {
    const busy = [...this.slots].filter((s) => s.task).length;
    return { workers: this.slots.size, busy, queued: this.queue.length };
  }

  /** Ends every worker; jobs still queued or running are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error("Serveren lukker."));
    const slots = [...this.slots];
    this.slots.clear();
    await Promise.all(
      slots.map((slot) => {
        clearTimeout(slot.timer);
        slot.task?.reject(new Error("Serveren lukker."));
        slot.task = null;
        return slot.worker.terminate();
      }),
    );
  }

  private hasIdleSlot(): boolean {
    if (this.slots.size < this.options.size) return true;
    return [...this.slots].some((s) => !s.task);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((s) => !s.task);
      if (!slot && this.slots.size < this.options.size) slot = this.spawn();
      if (!slot) return;
      const task = this.queue.shift() as Task;
      slot.task = task;
      // A busy worker keeps a command's process alive until its job is done; an idle one does not.
      slot.worker.ref();
      if (slot.ready) this.startTimer(slot);
      try {
        slot.worker.postMessage({ id: task.id, name: task.name, input: task.input } satisfies JobRequest);
      } catch (error) {
        // The input could not be copied to the thread (a function, a class instance...).
        this.finish(slot);
        task.reject(error as Error);
      }
    }
  }

  private startTimer(slot: Slot): void {
    const task = slot.task;
    if (!task) return;
    slot.timer = setTimeout(() => {
      this.fail(slot, new Error(`Opgaven ${task.name} tog for lang tid og blev stoppet.`));
      void slot.worker.terminate();
    }, this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.entry, {
      workerData: { jobsModule: this.options.jobsModule, databasePath: this.options.databasePath },
    });
    worker.unref();
    const slot: Slot = { worker, ready: false, task: null };
    this.slots.add(slot);
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "ready") {
        slot.ready = true;
        this.startTimer(slot);
        return;
      }
      if (slot.task?.id !== message.id) return;
      const task = slot.task;
      this.finish(slot);
      if (message.type === "done") task.resolve(message.result);
      else task.reject(new JobFailedError(message.error));
      this.dispatch();
    });
    worker.on("error", (error) => this.fail(slot, error));
    worker.on("exit", (code) =>
      this.fail(slot, new Error(`Baggrundsprocessen stoppede uventet (kode ${code}).`)),
    );
    return slot;
  }

  private finish(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.task = null;
    slot.worker.unref();
  }

  /** The worker crashed (or was stopped): its job fails, and a fresh worker takes the queue. */
  private fail(slot: Slot, error: Error): void {
    if (!this.slots.delete(slot)) return;
    clearTimeout(slot.timer);
    const task = slot.task;
    slot.task = null;
    task?.reject(error);
    if (!this.closed) this.dispatch();
  }
}

/** A thrown error as plain data for postMessage, keeping the status of a Remix `data()` response. */
export function serializeJobError(error: unknown): JobError {
  if (error instanceof Error) return { name: error.name, message: error.message };
  const init = (error as { init?: { status?: number } } | null)?.init;
  if (init?.status) {
    return {
      name: "ResponseError",
      message: `status ${init.status}`,
      status: init.status,
      data: (error as { data?: unknown }).data,
    };
  }
  return { name: "Error", message: String(error) };
}
