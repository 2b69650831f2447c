// Entry of a worker-pool thread (worker-pool.server.ts). Plain JavaScript, so Node starts it as it
// is from the server (whose Remix build is bundled JavaScript) and from the tests; it registers
// tsx, the TypeScript loader the server already runs under, and loads the worker (as
// app/imports/parse-worker.mjs does).
import { register } from "tsx/esm/api";

register();
await import("./pool-worker.ts");
