// Structured logs (pino). Never cookies, tokens, passwords or query strings (which may hold
// names searched for): requests are logged as method, path, status and request id only.
// LOG_FILE sends them to a file instead of standard output (the e2e run checks that file).
import pino from "pino";
import { config } from "./env.server";

const { level, file } = config().log;

export const logger = pino(
  {
    level,
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
  file ? pino.destination({ dest: file, sync: true }) : undefined,
);
