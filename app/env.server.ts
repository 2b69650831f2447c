// The installation's configuration from environment variables, validated once with zod: the one
// place in app/ that reads process.env (.env.example lists every variable). The server
// (app/server/index.ts) and every command (app/cli) check it at start and stop with one clear
// line per wrong variable, in Danish and English, instead of failing later at the first sign-in.
import os from "node:os";
import { z } from "zod";
import { DEFAULT_SITE_NAMES } from "./ui/page-title";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);
const isLoopback = (url: URL) => LOOPBACK_HOSTS.has(url.hostname) || url.hostname.startsWith("127.");
// Entra ID's shared issuers accept users of any tenant (or personal accounts): never ours.
const MULTI_TENANT = /^https:\/\/login\.microsoftonline\.com\/(common|organizations|consumers)(\/|$)/i;

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

const httpUrl = (name: string) =>
  z
    .string()
    .refine((v) => URL.canParse(v), `${name} skal være en fuld adresse / must be a full URL`)
    .transform((v) => new URL(v))
    .refine(
      (u) => u.protocol === "https:" || (u.protocol === "http:" && isLoopback(u)),
      `${name} skal bruge https:// (http:// kun på localhost) / must use https:// (http:// only on loopback)`,
    );

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const EnvSchema = z
  .object({
    // "production" unless told otherwise (`npm start`, `npm run demo`: the server also sets it for
    // React and Remix), "development" for `npm run dev`, "test" under Vitest. Production cookies
    // are __Host- and Secure; development serves through Vite.
    NODE_ENV: z.preprocess(
      emptyAsUndefined,
      z
        .enum(["production", "development", "test"], {
          message:
            "NODE_ENV skal være production, development eller test / must be production, development or test",
        })
        .default("production"),
    ),
    PORT: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number({ message: "PORT skal være et tal / must be a number" })
        .int("PORT skal være et helt tal / must be a whole number")
        .min(1, "PORT skal være 1-65535 / must be 1-65535")
        .max(65535, "PORT skal være 1-65535 / must be 1-65535")
        .default(3000),
    ),
    // Behind a reverse proxy, 1 makes req.ip the client's address (X-Forwarded-For). Never on by
    // default, or anyone could pick their own address and dodge the login limit.
    TRUST_PROXY: z.preprocess(
      emptyAsUndefined,
      z.enum(["0", "1"], { message: "TRUST_PROXY skal være 0 eller 1 / must be 0 or 1" }).default("0"),
    ),
    DATABASE_PATH: z.preprocess(emptyAsUndefined, z.string().default("db/albertslund.db")),
    LOG_LEVEL: z.preprocess(
      emptyAsUndefined,
      z
        .enum(LOG_LEVELS, { message: `LOG_LEVEL skal være en af / must be one of ${LOG_LEVELS.join(", ")}` })
        .default("info"),
    ),
    LOG_FILE: z.preprocess(emptyAsUndefined, z.string().optional()),
    ACCESSIBILITY_STATEMENT_URL: z.preprocess(
      emptyAsUndefined,
      httpUrl("ACCESSIBILITY_STATEMENT_URL").default(new URL("https://was.digst.dk/")),
    ),
    // Months after leaving before a person's records are deleted (npm run retention).
    RETENTION_MONTHS: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number({ message: "RETENTION_MONTHS skal være et tal / must be a number" })
        .int("RETENTION_MONTHS skal være et helt antal måneder / must be whole months")
        .min(1, "RETENTION_MONTHS skal være mindst 1 / must be at least 1")
        .default(24),
    ),
    // Only for `npm run create-user` in scripts; otherwise it asks at the prompt.
    USER_PASSWORD: z.preprocess(emptyAsUndefined, z.string().optional()),
    PUBLIC_ORIGIN: z.preprocess(emptyAsUndefined, httpUrl("PUBLIC_ORIGIN").optional()),
    OIDC_ISSUER: z.preprocess(
      emptyAsUndefined,
      httpUrl("OIDC_ISSUER")
        .refine(
          (u) => !MULTI_TENANT.test(u.href),
          "OIDC_ISSUER må ikke være Entra ID's fælles issuer (common/organizations/consumers); brug https://login.microsoftonline.com/<tenant-id>/v2.0 / must be your own tenant's issuer",
        )
        .optional(),
    ),
    OIDC_CLIENT_ID: z.preprocess(emptyAsUndefined, z.string().max(200).optional()),
    OIDC_CLIENT_SECRET: z.preprocess(emptyAsUndefined, z.string().max(1000).optional()),
    OIDC_EMPLOYEE_NUMBER_CLAIM: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(
          /^[A-Za-z0-9_.:-]{1,100}$/,
          "OIDC_EMPLOYEE_NUMBER_CLAIM skal være et claim-navn / a claim name",
        )
        .optional(),
    ),
    SMTP_URL: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .refine(
          (v) => URL.canParse(v) && ["smtp:", "smtps:"].includes(new URL(v).protocol),
          "SMTP_URL skal begynde med smtp:// eller smtps:// / must start with smtp:// or smtps://",
        )
        .optional(),
    ),
    MAIL_FROM: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .max(320)
        .regex(
          /^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/,
          'MAIL_FROM skal være en e-mailadresse, evt. "Navn <adresse>" / must be an address',
        )
        .optional(),
    ),
    // Threads for heavy pages and import applies (app/server/worker-pool.server.ts); 0 runs them
    // on the request thread. Default: one less than the cores, 1-2, leaving a core for requests.
    WORKER_THREADS: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number({ message: "WORKER_THREADS skal være et tal / must be a number" })
        .int("WORKER_THREADS skal være et helt tal / must be a whole number")
        .min(0, "WORKER_THREADS skal være 0-16 / must be 0-16")
        .max(16, "WORKER_THREADS skal være 0-16 / must be 0-16")
        .optional(),
    ),
    // How many heavy requests may wait for a thread before the next gets "Siden har travlt" (503).
    WORKER_QUEUE_LIMIT: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number({ message: "WORKER_QUEUE_LIMIT skal være et tal / must be a number" })
        .int("WORKER_QUEUE_LIMIT skal være et helt tal / must be a whole number")
        .min(1, "WORKER_QUEUE_LIMIT skal være 1-10000 / must be 1-10000")
        .max(10000, "WORKER_QUEUE_LIMIT skal være 1-10000 / must be 1-10000")
        .default(100),
    ),
    // A learning record store to send the xAPI statements to (its base, e.g. https://lrs.example/xapi/).
    XAPI_LRS_URL: z.preprocess(emptyAsUndefined, httpUrl("XAPI_LRS_URL").optional()),
    XAPI_LRS_KEY: z.preprocess(emptyAsUndefined, z.string().max(500).optional()),
    XAPI_LRS_SECRET: z.preprocess(emptyAsUndefined, z.string().max(1000).optional()),
    // Who runs this installation: in page titles, the header, certificates, exports and mail.
    SITE_NAME: z.preprocess(emptyAsUndefined, z.string().max(100).default(DEFAULT_SITE_NAMES.siteName)),
    MUNICIPALITY_NAME: z.preprocess(
      emptyAsUndefined,
      z.string().max(100).default(DEFAULT_SITE_NAMES.municipalityName),
    ),
    PASSWORD_LOGIN: z.preprocess(
      emptyAsUndefined,
      z
        .enum(["all", "admins", "off"], {
          message: "PASSWORD_LOGIN skal være all, admins eller off / must be all, admins or off",
        })
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.OIDC_ISSUER) {
      for (const name of ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
        if (!env[name]) {
          ctx.addIssue({
            code: "custom",
            path: [name],
            message: `${name} mangler, når OIDC_ISSUER er sat / is required with OIDC_ISSUER`,
          });
        }
      }
    }
    if (env.SMTP_URL && !env.MAIL_FROM) {
      ctx.addIssue({
        code: "custom",
        path: ["MAIL_FROM"],
        message: "MAIL_FROM mangler, når SMTP_URL er sat / is required with SMTP_URL",
      });
    }
    if (env.XAPI_LRS_URL) {
      for (const name of ["XAPI_LRS_KEY", "XAPI_LRS_SECRET"] as const) {
        if (!env[name]) {
          ctx.addIssue({
            code: "custom",
            path: [name],
            message: `${name} mangler, når XAPI_LRS_URL er sat / is required with XAPI_LRS_URL`,
          });
        }
      }
    }
    if (env.PASSWORD_LOGIN === "off" && !env.OIDC_ISSUER && !env.SMTP_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["PASSWORD_LOGIN"],
        message:
          "PASSWORD_LOGIN=off kræver OIDC_ISSUER eller SMTP_URL, ellers kan ingen logge ind / needs SSO or mail",
      });
    }
  });

/** Every variable the configuration reads (.env.example and the README document each). */
export const ENV_VARIABLES = Object.keys(EnvSchema.shape);

export type PasswordLogin = "all" | "admins" | "off";

export interface AppConfig {
  production: boolean;
  port: number;
  trustProxy: boolean;
  databasePath: string;
  log: { level: (typeof LOG_LEVELS)[number]; file: string | null };
  accessibilityStatementUrl: string;
  retentionMonths: number;
  /** The password `npm run create-user` sets, when given in the environment. */
  userPassword: string | null;
  publicOrigin: string;
  /** Whether PUBLIC_ORIGIN was set (the certificate then links to it, not the request's host). */
  publicOriginIsSet: boolean;
  oidc: { issuer: URL; clientId: string; clientSecret: string; employeeNumberClaim?: string } | null;
  smtp: { url: string; from: string } | null;
  mailFrom: string;
  /** The learning record store for xAPI statements (Basic auth with the LRS's key and secret). */
  xapiLrs: { url: URL; key: string; secret: string } | null;
  /** Who may sign in with a password: everyone, admins only (break-glass) or no one. */
  passwordLogin: PasswordLogin;
  /** The worker pool: `size` 0 runs heavy jobs on the request thread. */
  workerPool: { size: number; maxQueue: number };
  /** The site's name and the organisation that runs it (SITE_NAME, MUNICIPALITY_NAME). */
  siteName: string;
  municipalityName: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Forkert konfiguration / invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Parses a set of variables (process.env by default); throws ConfigError with every problem. */
export function parseConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".") || "?"}: ${i.message}`));
  }
  const e = result.data;
  const oidc =
    e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
      ? {
          issuer: e.OIDC_ISSUER,
          clientId: e.OIDC_CLIENT_ID,
          clientSecret: e.OIDC_CLIENT_SECRET,
          employeeNumberClaim: e.OIDC_EMPLOYEE_NUMBER_CLAIM,
        }
      : null;
  const mailFrom = e.MAIL_FROM ?? `${e.SITE_NAME} <no-reply@localhost>`;
  return {
    production: e.NODE_ENV === "production",
    port: e.PORT,
    trustProxy: e.TRUST_PROXY === "1",
    databasePath: e.DATABASE_PATH,
    log: { level: e.LOG_LEVEL, file: e.LOG_FILE ?? null },
    accessibilityStatementUrl: e.ACCESSIBILITY_STATEMENT_URL.href,
    retentionMonths: e.RETENTION_MONTHS,
    userPassword: e.USER_PASSWORD ?? null,
    publicOrigin: e.PUBLIC_ORIGIN?.origin ?? `http://localhost:${e.PORT}`,
    publicOriginIsSet: e.PUBLIC_ORIGIN !== undefined,
    oidc,
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: mailFrom } : null,
    mailFrom,
    xapiLrs:
      e.XAPI_LRS_URL && e.XAPI_LRS_KEY && e.XAPI_LRS_SECRET
        ? { url: e.XAPI_LRS_URL, key: e.XAPI_LRS_KEY, secret: e.XAPI_LRS_SECRET }
        : null,
    passwordLogin: e.PASSWORD_LOGIN ?? (oidc ? "admins" : "all"),
    workerPool: { size: e.WORKER_THREADS ?? defaultWorkerThreads(), maxQueue: e.WORKER_QUEUE_LIMIT },
    siteName: e.SITE_NAME,
    municipalityName: e.MUNICIPALITY_NAME,
  };
}

/** One less than the cores, at least 1 and at most 2: a core stays free for the request thread. */
export function defaultWorkerThreads(cores = os.availableParallelism()): number {
  return Math.min(2, Math.max(1, cores - 1));
}

let cached: AppConfig | undefined;

/**
 * The configuration of this process, parsed on first use: by the server and every command at
 * start (modules such as the logger read it as they load). A wrong variable ends the process
 * there, with every problem on stderr and exit code 1, not a stack trace.
 */
export function config(): AppConfig {
  if (!cached) {
    try {
      cached = parseConfig();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      console.error(error.message);
      process.exit(1);
    }
  }
  return cached;
}

/** For a test that changes process.env: the next config() reads it again. */
export function reloadConfig(): void {
  cached = undefined;
}
