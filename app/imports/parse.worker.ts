// The import worker: prepares each file it is sent and posts the result back (see worker.server.ts).
import { parentPort } from "node:worker_threads";
import { type PrepareInput, prepare } from "./prepare";

parentPort?.on("message", async (input: PrepareInput) => {
  parentPort?.postMessage(await prepare(input));
});
