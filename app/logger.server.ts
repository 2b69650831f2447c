// Structured logs (pino). Never cookies, tokens, passwords or query strings (which may hold
// names searched for): requests are logged as method, path, status and request id only.
// LOG_FILE sends them to a file instead of standard output (the e2e run checks that file).
import pino from "pino";

export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? "info",
    base: { app: "albertslund-ai-gdpr" },
    redact: {
      paths: [
        "req.headers.cookie",
        "req.headers.authorization",
        'res.headers["set-cookie"]',
        "password",
        "token",
      ],
      censor: "[fjernet]",
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  },
  process.env.LOG_FILE ? pino.destination({ dest: process.env.LOG_FILE, sync: true }) : undefined,
);
