// The server, for production (`npm start`, the Remix build) and development (`npm run dev`, Vite
// in middleware mode with hot reload, as epic-stack does): Express in front of Remix, so every
// request in both passes the same gate, gets a request id, security headers with a fresh CSP
// nonce, and one log line. Only the source of the build and of the static files differ.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { config } from "../env.server";
import { MAX_IMPORT_BYTES } from "../imports/limits";
import { logger } from "../logger.server";
import {
  bodyLimit,
  cspNonce,
  FORM_BODY_LIMIT,
  permissionsPolicy,
  requestGate,
  securityHeaders,
} from "./security";

// `npm start` serves the production build; say so before React, Remix and the build load (the
// configuration reads an unset NODE_ENV as production too). `npm run dev` sets development.
process.env.NODE_ENV ??= "production";
// A wrong variable stops the server as it starts, with one line per problem (config()), not at
// the first sign-in.
const { production, port, trustProxy, publicOrigin } = config();
// The roster and completion upload is the one form with a file; it keeps its own, larger cap
// (the route refuses a single part above MAX_IMPORT_BYTES), plus room for the form's envelope.
const IMPORT_UPLOAD_PATHS = new Set(["/hr/import", "/hr/import/", "/hr/import.data"]);

const app = express();
const server = createServer(app);
// `npm run dev`: Vite in middleware mode, its hot reload on this server's port. Production never
// loads Vite (a dev dependency).
const vite = production
  ? null
  : await import("vite").then((v) =>
      v.createServer({ server: { middlewareMode: true, hmr: { server } }, appType: "custom" }),
    );
app.disable("x-powered-by");
// Behind a reverse proxy, set TRUST_PROXY=1 so req.ip is the client's; never trust it by default,
// or anyone could pick their own X-Forwarded-For and dodge the login limit.
app.set("trust proxy", trustProxy ? 1 : false);

app.use((req, res, next) => {
  const requestId = randomUUID();
  res.locals.requestId = requestId;
  // The id is the server's own: whatever X-Request-Id the client sent is replaced, so the audit
  // trail (which reads this header) and the log always carry the same id.
  req.headers["x-request-id"] = requestId;
  res.setHeader("X-Request-Id", requestId);
  const started = performance.now();
  res.on("finish", () => {
    logger.info(
      {
        requestId,
        method: req.method,
        // The path only: query strings may hold names someone searched for (or an SSO code);
        // a sign-in link's token is cut off too.
        path: req.originalUrl.split("?")[0]?.replace(/^\/login\/link\/[^/]+/, "/login/link/…"),
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
  });
  next();
});
app.use(permissionsPolicy);
app.use(requestGate(publicOrigin));
app.use(
  bodyLimit((req) =>
    IMPORT_UPLOAD_PATHS.has(req.path) ? MAX_IMPORT_BYTES + FORM_BODY_LIMIT : FORM_BODY_LIMIT,
  ),
);
app.use(cspNonce);
app.use(securityHeaders({ production, development: vite !== null }));
app.use(compression());
// For load balancers and the bench's baseline: answers without touching the database, after the
// same gate and headers as every page, so it measures what the server costs before any work.
app.get("/healthz", (_req, res) => {
  res.setHeader("Cache-Control", "no-store");
  res.type("text/plain; charset=utf-8").send("ok");
});
if (vite) {
  // The app's modules, Vite's client and hot reload (its WebSocket shares this server's port).
  app.use(vite.middlewares);
} else {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
}
// Everything past the static files may hold personal data: never cached.
app.use((_req, res, next) => {
  res.setHeader("Cache-Control", "no-store");
  next();
});

// Development loads the build from the sources on every request, so a change shows at once.
const build = vite
  ? () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
  : ((await import(path.resolve("build/server/index.js"))) as ServerBuild);
// Retries what the outbox could not deliver at once (only when SMTP_URL is set).
const { startMailSender } = await import("../mail/outbox.server");
startMailSender();
// The threads for heavy pages and import applies, started now so the first one does not wait.
const { closeWorkerPool, startWorkerPool } = await import("./run-in-worker.server");
startWorkerPool();
app.all(
  "*",
  createRequestHandler({
    build,
    mode: production ? "production" : "development",
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce as string,
      requestId: res.locals.requestId as string,
      clientIp: req.ip ?? "",
    }),
  }),
);

server.listen(port, () =>
  logger.info(
    { port, publicOrigin, mode: vite ? "development" : "production" },
    `Serveren kører på http://localhost:${port}`,
  ),
);

// A clean stop: no new connections, the pool's threads ended, then exit.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    logger.info({ signal }, "Serveren stopper");
    server.close();
    server.closeAllConnections();
    void Promise.all([closeWorkerPool(), vite?.close()]).finally(() => process.exit(0));
  });
}
