import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, defaultWorkerThreads, ENV_VARIABLES, parseConfig } from "./env.server";

const TENANT = "https://login.microsoftonline.com/2f1c4e9a-8b7d-4c3e-9a1b-0d2e3f4a5b6c/v2.0";
const sso = { OIDC_ISSUER: TENANT, OIDC_CLIENT_ID: "app-id", OIDC_CLIENT_SECRET: "hemmelig" };

function problems(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration from the environment", () => {
  it("defaults: passwords for everyone, no SSO, no SMTP, the local origin", () => {
    const c = parseConfig({ PORT: "4100" });
    expect(c).toMatchObject({
      publicOrigin: "http://localhost:4100",
      oidc: null,
      smtp: null,
      passwordLogin: "all",
    });
  });

  it("with SSO, passwords default to admins only (break-glass)", () => {
    const c = parseConfig({ ...sso, PUBLIC_ORIGIN: "https://laering.albertslund.dk/" });
    expect(c.passwordLogin).toBe("admins");
    expect(c.publicOrigin).toBe("https://laering.albertslund.dk");
    expect(c.oidc?.issuer.href).toBe(TENANT);
    expect(parseConfig({ ...sso, PASSWORD_LOGIN: "all" }).passwordLogin).toBe("all");
  });

  it.each(["common", "organizations", "consumers", "Common"])("refuses the multi-tenant issuer %s", (t) => {
    const found = problems({ ...sso, OIDC_ISSUER: `https://login.microsoftonline.com/${t}/v2.0` });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^OIDC_ISSUER: .*common\/organizations\/consumers/);
  });

  it("accepts http:// only on a loopback address", () => {
    expect(parseConfig({ ...sso, OIDC_ISSUER: "http://127.0.0.1:9000" }).oidc?.issuer.host).toBe(
      "127.0.0.1:9000",
    );
    expect(parseConfig({ ...sso, OIDC_ISSUER: "http://localhost:9000/oidc" }).oidc).not.toBeNull();
    expect(problems({ ...sso, OIDC_ISSUER: "http://idp.albertslund.dk" })[0]).toMatch(
      /^OIDC_ISSUER: .*https/,
    );
    expect(problems({ PUBLIC_ORIGIN: "http://laering.albertslund.dk" })[0]).toMatch(/^PUBLIC_ORIGIN:/);
  });

  it("names every wrong variable, one line each", () => {
    const found = problems({
      OIDC_ISSUER: "ikke en adresse",
      SMTP_URL: "http://mail.example",
      PASSWORD_LOGIN: "nogle",
      OIDC_EMPLOYEE_NUMBER_CLAIM: "employee id",
    });
    expect(found.map((p) => p.split(":")[0])).toEqual([
      "OIDC_ISSUER",
      "OIDC_EMPLOYEE_NUMBER_CLAIM",
      "SMTP_URL",
      "PASSWORD_LOGIN",
    ]);
  });

  it("SSO needs a client id and secret; SMTP needs a sender; off needs another way in", () => {
    expect(problems({ OIDC_ISSUER: TENANT })).toEqual([
      expect.stringMatching(/^OIDC_CLIENT_ID: /),
      expect.stringMatching(/^OIDC_CLIENT_SECRET: /),
    ]);
    expect(problems({ SMTP_URL: "smtp://mail.albertslund.dk:25" })).toEqual([
      expect.stringMatching(/^MAIL_FROM: /),
    ]);
    expect(problems({ PASSWORD_LOGIN: "off" })).toEqual([expect.stringMatching(/^PASSWORD_LOGIN: /)]);
    const mail = parseConfig({
      SMTP_URL: "smtps://u:p@mail.albertslund.dk",
      MAIL_FROM: "Læring <laering@albertslund.dk>",
    });
    expect(mail.smtp).toEqual({
      url: "smtps://u:p@mail.albertslund.dk",
      from: "Læring <laering@albertslund.dk>",
    });
  });

  it("the worker pool: 1-2 threads by the cores, 0 allowed, and a bounded queue", () => {
    expect([1, 2, 3, 8].map((cores) => defaultWorkerThreads(cores))).toEqual([1, 1, 2, 2]);
    expect(parseConfig({}).workerPool).toEqual({ size: defaultWorkerThreads(), maxQueue: 100 });
    expect(parseConfig({ WORKER_THREADS: "0", WORKER_QUEUE_LIMIT: "20" }).workerPool).toEqual({
      size: 0,
      maxQueue: 20,
    });
    expect(problems({ WORKER_THREADS: "mange", WORKER_QUEUE_LIMIT: "0" })).toEqual([
      expect.stringMatching(/^WORKER_THREADS: .*tal/),
      expect.stringMatching(/^WORKER_QUEUE_LIMIT: .*1-10000/),
    ]);
    expect(problems({ WORKER_THREADS: "17" })).toEqual([expect.stringMatching(/^WORKER_THREADS: .*0-16/)]);
  });

  it("an xAPI learning record store needs https (http on loopback only), a key and a secret", () => {
    expect(parseConfig({}).xapiLrs).toBeNull();
    expect(problems({ XAPI_LRS_URL: "https://lrs.albertslund.dk/xapi/" })).toEqual([
      expect.stringMatching(/^XAPI_LRS_KEY: /),
      expect.stringMatching(/^XAPI_LRS_SECRET: /),
    ]);
    expect(
      problems({ XAPI_LRS_URL: "http://lrs.albertslund.dk/xapi/", XAPI_LRS_KEY: "k", XAPI_LRS_SECRET: "s" }),
    ).toEqual([expect.stringMatching(/^XAPI_LRS_URL: .*https:\/\//)]);
    const lrs = parseConfig({
      XAPI_LRS_URL: "http://127.0.0.1:9999/xapi/",
      XAPI_LRS_KEY: "nøgle",
      XAPI_LRS_SECRET: "hemmelig",
    });
    expect(lrs.xapiLrs).toMatchObject({ key: "nøgle", secret: "hemmelig" });
    expect(lrs.xapiLrs?.url.href).toBe("http://127.0.0.1:9999/xapi/");
  });
});

describe("the variables' documentation", () => {
  const example = readFileSync(".env.example", "utf8");
  const readme = readFileSync("README.md", "utf8");
  it.each(ENV_VARIABLES)("%s is in .env.example and the README's Configuration table", (name) => {
    expect(example).toMatch(new RegExp(`^# ${name}=`, "m"));
    expect(readme).toMatch(new RegExp(`^\\| [^|]*\`${name}\``, "m"));
  });

  it("a wrong number, level or switch stops with one line per variable", () => {
    expect(problems({ PORT: "80000", LOG_LEVEL: "loud", TRUST_PROXY: "yes", RETENTION_MONTHS: "0" })).toEqual(
      [
        "PORT: PORT skal være 1-65535 / must be 1-65535",
        "TRUST_PROXY: TRUST_PROXY skal være 0 eller 1 / must be 0 or 1",
        "LOG_LEVEL: LOG_LEVEL skal være en af / must be one of fatal, error, warn, info, debug, trace, silent",
        "RETENTION_MONTHS: RETENTION_MONTHS skal være mindst 1 / must be at least 1",
      ],
    );
  });

  it("defaults for the server, the database and the logs", () => {
    expect(parseConfig({})).toMatchObject({
      production: true,
      port: 3000,
      trustProxy: false,
      databasePath: "db/albertslund.db",
      log: { level: "info", file: null },
      accessibilityStatementUrl: "https://was.digst.dk/",
      retentionMonths: 24,
      publicOriginIsSet: false,
    });
    expect(parseConfig({ NODE_ENV: "development", TRUST_PROXY: "1" })).toMatchObject({
      production: false,
      trustProxy: true,
    });
  });
});
