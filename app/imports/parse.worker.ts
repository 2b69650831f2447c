// The import worker: prepares each file it is sent and posts the result back (see worker.server.ts).
// A roster's snapshot is read here, on this thread's own connection to the server's file.
import { parentPort } from "node:worker_threads";
import { openConnection, setThreadConnection } from "~/db.server";
import { type PrepareInput, prepare, type RosterSnapshot } from "./prepare";
import { loadRosterSnapshot } from "./roster-apply.server";

let connected = false;
function loadSnapshot(databasePath: string): RosterSnapshot {
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
