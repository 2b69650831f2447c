// The production server: Express in front of the Remix build, so every request passes the same
// gate, gets a request id, security headers with a fresh CSP nonce, and one log line.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { ConfigError, parseConfig } from "../env.server";
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

// `npm start` serves the production build; say so before the build (and its cookie settings) loads.
process.env.NODE_ENV ??= "production";
const production = process.env.NODE_ENV === "production";
// A wrong variable stops the server here, with one line per problem, not at the first sign-in.
let appConfig: ReturnType<typeof parseConfig>;
try {
  appConfig = parseConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const port = Number(process.env.PORT ?? 3000);
// The address people use; a POST without Sec-Fetch-Site must carry this Origin.
const publicOrigin = appConfig.publicOrigin;
// The roster and completion upload is the one form with a file; it keeps its own, larger cap
// (the route refuses a single part above MAX_IMPORT_BYTES), plus room for the form's envelope.
const IMPORT_UPLOAD_PATHS = new Set(["/hr/import", "/hr/import/", "/hr/import.data"]);

const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy, set TRUST_PROXY=1 so req.ip is the client's; never trust it by default,
// or anyone could pick their own X-Forwarded-For and dodge the login limit.
app.set("trust proxy", process.env.TRUST_PROXY === "1" ? 1 : false);

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
app.use(securityHeaders(production));
app.use(compression());
// For load balancers and the bench's baseline: answers without touching the database, after the
// same gate and headers as every page, so it measures what the server costs before any work.
app.get("/healthz", (_req, res) => {
  res.setHeader("Cache-Control", "no-store");
  res.type("text/plain; charset=utf-8").send("ok");
});
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));
// Everything past the static files may hold personal data: never cached.
app.use((_req, res, next) => {
  res.setHeader("Cache-Control", "no-store");
  next();
});

const build = (await import(path.resolve("build/server/index.js"))) as ServerBuild;
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

const server = app.listen(port, () =>
  logger.info({ port, publicOrigin }, `Serveren kører på http://localhost:${port}`),
);

// A clean stop: no new connections, the pool's threads ended, then exit.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    logger.info({ signal }, "Serveren stopper");
    server.close();
    server.closeAllConnections();
    void closeWorkerPool().finally(() => process.exit(0));
  });
}
