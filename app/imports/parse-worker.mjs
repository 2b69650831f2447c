// Entry of the import worker thread. Plain JavaScript, so Node can start it as it is, from the
// server (whose Remix build is bundled JavaScript), the commands and the tests alike; it then
// registers tsx, the TypeScript loader the server already runs under, and loads the worker.
import { register } from "tsx/esm/api";

register();
await import("./parse.worker.ts");
