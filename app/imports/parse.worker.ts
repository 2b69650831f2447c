// The import worker: prepares each file it is sent and posts the result back (see worker.server.ts).
// A roster's snapshot is read here, on this thread's own connection to the server's file.
import { parentPort } from "node:worker_threads";
import { type PrepareInput, prepare, type RosterSnapshot } from "./prepare";

let connected = false;
async function loadSnapshot(databasePath: string): Promise<RosterSnapshot> {
  // Loaded on first need: a completions file never needs the database, and starting the worker
  // with the whole data layer made every import slower to begin.
  const { openConnection, setThreadConnection } = await import("~/db.server");
  const { loadRosterSnapshot } = await import("./roster-apply.server");
  if (!connected) {
    // getDb() on this thread now returns this connection (the file is migrated by the server).
    setThreadConnection(openConnection(databasePath));
    connected = true;
  }
  const { employees, unitPaths } = loadRosterSnapshot();
  return { employees, unitPaths: [...unitPaths] };
}

parentPort?.on("message", async (input: PrepareInput) => {
  parentPort?.postMessage(await prepare(input, loadSnapshot));
});
