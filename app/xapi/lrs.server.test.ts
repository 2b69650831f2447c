import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { sendPendingXapi, statementsEndpoint } from "./lrs.server";
import { statementProblems } from "./statement-schema.testing";
import type { XapiStatement } from "./statements";
import { countXapiSent, pendingXapiStatements } from "./statements.server";
import { xapiTestDb } from "./test-rows.testing";

const ORIGIN = "https://laering.albertslund.dk";

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  statements: XapiStatement[];
}

/** A learning record store on loopback: answers `status()` and keeps every request it got. */
async function startLrs(status: () => number) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const statements = JSON.parse(body || "[]") as XapiStatement[];
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, statements });
      const code = status();
      res.writeHead(code, { "Content-Type": "application/json", "X-Experience-API-Version": "1.0.3" });
      res.end(code === 200 ? JSON.stringify(statements.map((s) => s.id)) : '{"error":"nede"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  servers.push(server);
  return {
    received,
    lrs: { url: new URL(`http://127.0.0.1:${port}/xapi`), key: "albertslund", secret: "hemmelig-nøgle" },
  };
}

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** Records the waits instead of waiting. */
function noWait() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

function fiveRecords() {
  const t = xapiTestDb();
  for (let i = 0; i < 4; i++) {
    t.addAttempt({ passed: i === 3, submittedAt: Date.UTC(2026, 2, 2, 8, i) });
  }
  t.addCompletion();
  return t;
}

describe("sending xAPI statements to a learning record store", () => {
  it("POSTs <url>/statements in batches with the xAPI version header and Basic auth, and marks them sent", async () => {
    const t = fiveRecords();
    const { received, lrs } = await startLrs(() => 200);
    const result = await sendPendingXapi({ lrs, origin: ORIGIN, db: t.db, batchSize: 2, ...noWait() });

    expect(result).toEqual({ sent: 5, unsent: 0, error: null });
    expect(received.map((r) => r.statements.length)).toEqual([2, 2, 1]);
    for (const r of received) {
      expect(r.method).toBe("POST");
      expect(r.url).toBe("/xapi/statements");
      expect(r.headers["x-experience-api-version"]).toBe("1.0.3");
      expect(r.headers["content-type"]).toBe("application/json");
      expect(r.headers.authorization).toBe(
        `Basic ${Buffer.from("albertslund:hemmelig-nøgle").toString("base64")}`,
      );
      for (const s of r.statements) expect(statementProblems(s)).toEqual([]);
    }
    expect(countXapiSent(t.db)).toBe(5);

    // A second run has nothing to send.
    expect(await sendPendingXapi({ lrs, origin: ORIGIN, db: t.db, ...noWait() })).toEqual({
      sent: 0,
      unsent: 0,
      error: null,
    });
    expect(received).toHaveLength(3);
  });

  it("a failing LRS leaves the statements unsent after the retries; a later run sends them", async () => {
    const t = fiveRecords();
    let up = false;
    const { received, lrs } = await startLrs(() => (up ? 200 : 503));
    const { waits, sleep } = noWait();

    const down = await sendPendingXapi({ lrs, origin: ORIGIN, db: t.db, batchSize: 2, sleep });
    expect(down.sent).toBe(0);
    expect(down.unsent).toBe(5);
    expect(down.error).toMatch(/LRS'en svarede 503/);
    expect(received).toHaveLength(4); // the first batch, tried four times
    expect(waits).toEqual([1_000, 4_000, 16_000]); // growing waits between the tries
    expect(countXapiSent(t.db)).toBe(0);
    expect(pendingXapiStatements(ORIGIN, t.db)).toHaveLength(5);

    up = true;
    const later = await sendPendingXapi({ lrs, origin: ORIGIN, db: t.db, batchSize: 2, sleep });
    expect(later).toEqual({ sent: 5, unsent: 0, error: null });
    expect(countXapiSent(t.db)).toBe(5);
  });

  it("keeps the batches that went when a later one fails, and retries a passing outage", async () => {
    const t = fiveRecords();
    const answers = [200, 500, 200, 401];
    const { received, lrs } = await startLrs(() => answers.shift() ?? 401);
    const result = await sendPendingXapi({ lrs, origin: ORIGIN, db: t.db, batchSize: 2, ...noWait() });
    // Batch 1 went; batch 2 failed once (500), then went; batch 3 was refused (401): no retry.
    expect(result).toMatchObject({ sent: 4, unsent: 1 });
    expect(result.error).toMatch(/LRS'en svarede 401/);
    expect(received).toHaveLength(4);
    expect(countXapiSent(t.db)).toBe(4);
  });

  it("an unreachable LRS is reported as such and nothing is marked", async () => {
    const t = fiveRecords();
    const { lrs } = await startLrs(() => 200);
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
    const result = await sendPendingXapi({ lrs, origin: ORIGIN, db: t.db, retryDelaysMs: [1], ...noWait() });
    expect(result).toMatchObject({ sent: 0, unsent: 5 });
    expect(result.error).toMatch(/LRS'en svarer ikke/);
    expect(countXapiSent(t.db)).toBe(0);
  });

  it("voids a completion the LRS has once HR annuls it", async () => {
    const t = xapiTestDb();
    const c = t.addCompletion();
    const { received, lrs } = await startLrs(() => 200);
    await sendPendingXapi({ lrs, origin: ORIGIN, db: t.db, ...noWait() });
    t.annul(c.id);
    expect(await sendPendingXapi({ lrs, origin: ORIGIN, db: t.db, ...noWait() })).toMatchObject({ sent: 1 });
    const voiding = received[1]?.statements[0];
    expect(voiding?.verb.id).toBe("http://adlnet.gov/expapi/verbs/voided");
    expect(voiding?.object).toEqual({ objectType: "StatementRef", id: received[0]?.statements[0]?.id });
  });

  it("finds the statements resource under the LRS's base, with or without a trailing slash", () => {
    expect(statementsEndpoint(new URL("https://lrs.example/xapi")).href).toBe(
      "https://lrs.example/xapi/statements",
    );
    expect(statementsEndpoint(new URL("https://lrs.example/xapi/")).href).toBe(
      "https://lrs.example/xapi/statements",
    );
  });
});
