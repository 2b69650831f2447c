// Runs `prepare` (parse, validate, plan) in a worker thread, one file at a time, so a big or
// hostile import never blocks the requests of everybody else, and its memory is capped and
// handed back when the worker ends.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { logger } from "~/logger.server";
import { type PrepareInput, type PrepareResult, problems } from "./prepare";

// Next to the sources, resolved from the working directory like the server's build (the server,
// the commands and the tests all run from the project folder); the Vite build does not bundle it.
const ENTRY = path.resolve("app/imports/parse-worker.mjs");
/**
 * Heap of one worker: room for a national roster (500,000 rows and the snapshot they are compared
 * with take about 450 MB at the peak), below what would hurt the server.
 */
const WORKER_HEAP_MB = 640;
const TIME_LIMIT_MS = 120_000;

const TOO_HEAVY =
  "Filen er for stor eller for indviklet til at blive læst. Gem kun de kolonner og rækker, der skal indlæses, og prøv igen.";

/**
 * Starting a worker (and loading the parsers into it) takes a second or more, so one is kept
 * for the next small file. After a big file it is ended instead, which hands its memory back.
 */
const REUSE_BELOW_BYTES = 1024 * 1024;
let idle: Worker | null = null;
const forgetIdle = () => {
  idle = null;
};
let queue: Promise<unknown> = Promise.resolve();

/**
 * Prepares the file in a worker; waits for the file before it (one at a time). A big file's bytes
 * are moved to the worker, not copied (the copy was 95 MB more at the peak of a 95 MB upload), so
 * the caller must not read them afterwards.
 */
export function prepareInWorker(input: PrepareInput): Promise<PrepareResult> {
  const run = queue.then(() => runWorker(input));
  queue = run.catch(() => {});
  return run;
}

/** The bytes' buffer, when they are all of it and big enough to be worth moving rather than copying. */
function movableBuffer(bytes: Uint8Array): ArrayBuffer[] {
  const { buffer } = bytes;
  const whole = bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength;
  return whole && buffer instanceof ArrayBuffer && bytes.byteLength >= REUSE_BELOW_BYTES ? [buffer] : [];
}

function runWorker(input: PrepareInput): Promise<PrepareResult> {
  const size = input.bytes.byteLength;
  return new Promise((resolve, reject) => {
    const worker =
      idle ??
      new Worker(ENTRY, {
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32 },
      });
    idle = null;
    worker.off("exit", forgetIdle).ref();
    let settled = false;
    const finish = (result: PrepareResult | Error, healthy = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      if (healthy && size < REUSE_BELOW_BYTES) {
        // Kept for the next file, without keeping a command's process alive.
        worker.unref();
        worker.once("exit", forgetIdle);
        idle = worker;
      } else void worker.terminate();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const timer = setTimeout(() => {
      logger.info("import worker stopped: time limit");
      finish(problems([TOO_HEAVY]));
    }, TIME_LIMIT_MS);
    const onMessage = (result: PrepareResult) => finish(result, true);
    const onError = (error: Error & { code?: string }) => {
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
        logger.info("import worker stopped: memory limit");
        finish(problems([TOO_HEAVY]));
      } else finish(error);
    };
    const onExit = (code: number) => finish(new Error(`Importen stoppede uventet (kode ${code})`));
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    worker.postMessage(input, movableBuffer(input.bytes));
  });
}
