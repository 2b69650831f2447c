// The import worker: prepares one file and posts the result back (see worker.server.ts).
import { parentPort } from "node:worker_threads";
import { type PrepareInput, prepare } from "./prepare";

parentPort?.once("message", async (input: PrepareInput) => {
  parentPort?.postMessage(await prepare(input));
});
