// "No page blocks another": the heavy HR pages run in the worker pool (app/server/worker-pool.server.ts),
// so an employee's page answers while HR's overviews are still being computed, and a full queue
// answers "Siden har travlt" at once. No browser: each test starts its own production server
// (`npm start`'s two halves over a fresh demo database) and signs people in by writing sessions
// straight into the database, as load.spec.ts does. Nothing waits for time: only for responses.
import { expect, test } from "@playwright/test";
import { generateSessionToken } from "../app/auth/session-token";
import { type AppServer, startAppServer } from "./app-server";
import { DEMO } from "./helpers";

test.describe.configure({ mode: "serial" });
// Two servers with the demo data on a shared 2-core machine: generous, not a timing target.
test.setTimeout(180_000);

const SESSION_COOKIE = "__Host-albertslund_session";

/** A session for the account `email`, as the Cookie header of a request. */
function signIn(server: AppServer, email: string): string {
  const db = server.db();
  try {
    const user = db.prepare("select id from user_account where email = ?").get(email) as { id: number };
    const { id, secretHash, token } = generateSessionToken();
    const now = Date.now();
    db.prepare(
      "insert into session (id, user_id, secret_hash, last_verified_at, created_at) values (?, ?, ?, ?, ?)",
    ).run(id, user.id, Buffer.from(secretHash), now, now);
    return `${SESSION_COOKIE}=${token}`;
  } finally {
    db.close();
  }
}

const get = (server: AppServer, path: string, cookie: string) =>
  fetch(server.origin + path, { headers: { cookie }, redirect: "manual" });

test("an employee's Mine kurser answers while HR's heavy jobs are still running in the pool", async () => {
  test.setTimeout(180_000);
  const server = await startAppServer({ WORKER_THREADS: "1" }, { demo: true });
  try {
    const hr = signIn(server, DEMO.hr);
    const employee = signIn(server, DEMO.employee);
    // The heavy HR job: the evidence pack loads the whole organisation's history and renders a
    // PDF in the pool (the overviews themselves are now quick reads of the kept status).
    const pack = "/hr/ai-dokumentation/fil?dato=2026-06-30&format=pdf";
    // The thread is started with the server; one pack first, so it has loaded its code.
    expect((await get(server, pack, hr)).status).toBe(200);

    const HEAVY = 12;
    let hrDone = 0;
    const packs = Array.from({ length: HEAVY }, () =>
      get(server, pack, hr).then(async (r) => {
        const body = Buffer.from(await r.arrayBuffer());
        hrDone++;
        return { status: r.status, body };
      }),
    );
    // Ten employee pages one after the other, while the packs are in flight.
    for (let i = 0; i < 10; i++) {
      const page = await get(server, "/mine-kurser", employee);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Mine kurser");
    }
    // All ten were answered before HR's packs were done: the request thread stayed free.
    // On the request thread (WORKER_THREADS=0) the first employee page waits behind the packs.
    expect(hrDone).toBeLessThan(HEAVY);

    const results = await Promise.all(packs);
    expect(results.map((r) => r.status)).toEqual(Array(HEAVY).fill(200));
    expect(results[0]?.body.subarray(0, 5).toString()).toBe("%PDF-");
  } finally {
    await server.stop();
  }
});

test("a full queue answers 503 'Siden har travlt' at once, and the site goes on", async () => {
  const server = await startAppServer({ WORKER_THREADS: "1", WORKER_QUEUE_LIMIT: "2" }, { demo: true });
  try {
    const hr = signIn(server, DEMO.hr);
    const employee = signIn(server, DEMO.employee);
    // A job that takes a while (the overview is now a quick read of the kept counts).
    const pack = "/hr/ai-dokumentation/fil?dato=2026-06-30&format=pdf";
    expect((await get(server, pack, hr)).status).toBe(200);

    // One running and two waiting fit; the rest are turned away instead of waiting in line.
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        get(server, pack, hr).then(async (r) => ({
          status: r.status,
          body: await r.text(),
        })),
      ),
    );
    const busy = responses.filter((r) => r.status === 503);
    expect(responses.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(3);
    expect(busy.length).toBeGreaterThan(0);
    expect(responses.every((r) => r.status === 200 || r.status === 503)).toBe(true);
    expect(busy[0]?.body).toContain("Siden har travlt");

    // Light pages never queue, and the pool's pages work again once the queue has room.
    expect((await get(server, "/mine-kurser", employee)).status).toBe(200);
    expect((await get(server, "/enheder", hr)).status).toBe(200);
  } finally {
    await server.stop();
  }
});
