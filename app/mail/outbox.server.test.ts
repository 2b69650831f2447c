// The outbox against a real SMTP server on loopback (smtp-server), with the time passed in.
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, schema } from "~/db.server";
import { createEmployee, createUnit } from "~/test-fixtures";
import { isUsableLink, LINK_VALID_MS } from "../auth/login-link.server";
import {
  deliverDueMail,
  deliverMail,
  enqueueMail,
  LINK_PLACEHOLDER,
  NOT_SENT_WITHOUT_SMTP,
  retryDelayMs,
} from "./outbox.server";

const received: string[] = [];
let failing = false;
let server: SMTPServer;
let smtp: { url: string; from: string };

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (failing) return callback(Object.assign(new Error("451 prøv igen senere"), { responseCode: 451 }));
        received.push(
          Buffer.concat(chunks)
            .toString()
            .replace(/=\r?\n/g, ""),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  smtp = {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    from: "laering@albertslund.test",
  };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const row = (id: number) =>
  getDb().select().from(schema.mailOutbox).where(eq(schema.mailOutbox.id, id)).get();
const mail = (to: string) => ({
  kind: "reminder",
  to,
  subject: "Husk dit kursus",
  text: "Hej, husk AI-kurset.",
});

describe("the mail outbox", () => {
  it("without SMTP a message stays queued and is marked as not sent", async () => {
    const id = enqueueMail(mail("uden@albertslund.test"), Date.now(), null);
    expect(row(id)).toMatchObject({
      status: "queued",
      nextAttemptAt: null,
      lastError: NOT_SENT_WITHOUT_SMTP,
    });
    expect(await deliverMail(id, Date.now(), null)).toBe("not-due");
  });

  it("sends over SMTP and records it", async () => {
    const t = Date.now();
    const id = enqueueMail(mail("sendt@albertslund.test"), t, smtp);
    expect(await deliverMail(id, t, smtp)).toBe("sent");
    expect(row(id)).toMatchObject({ status: "sent", attempts: 1, nextAttemptAt: null, lastError: null });
    expect(received.at(-1)).toContain("Hej, husk AI-kurset.");
    // Sent is sent: no second copy.
    expect(await deliverMail(id, t + 1, smtp)).toBe("not-due");
  });

  it("a failure is kept with the reason and retried with backoff until it goes through", async () => {
    const t = Date.now();
    const id = enqueueMail(mail("senere@albertslund.test"), t, smtp);
    failing = true;
    expect(await deliverMail(id, t, smtp)).toBe("failed");
    expect(row(id)).toMatchObject({ status: "failed", attempts: 1, nextAttemptAt: t + retryDelayMs(1) });
    expect(row(id)?.lastError).toContain("prøv igen senere");
    // Not due before its time …
    expect(await deliverDueMail(t + retryDelayMs(1) - 1, smtp)).toBe(0);
    expect(await deliverDueMail(t + retryDelayMs(1), smtp)).toBe(0);
    expect(row(id)).toMatchObject({
      status: "failed",
      attempts: 2,
      nextAttemptAt: t + retryDelayMs(1) + retryDelayMs(2),
    });
    failing = false;
    // … and sent by the sender when it is.
    expect(await deliverDueMail(t + retryDelayMs(1) + retryDelayMs(2), smtp)).toBe(1);
    expect(row(id)).toMatchObject({ status: "sent", attempts: 3 });
    expect([1, 2, 3, 4, 7, 20].map(retryDelayMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 1_920_000, 3_600_000,
    ]);
  });

  it("a sign-in mail is stored without its link; each attempt mints the link it sends", async () => {
    const t = Date.now();
    const person = createEmployee(getDb(), createUnit(getDb(), `Postenhed ${t}`));
    const link = getDb()
      .insert(schema.loginLink)
      .values({ employeeId: person.id, email: person.email, createdAt: t, expiresAt: t + LINK_VALID_MS })
      .returning()
      .get();
    const id = enqueueMail(
      {
        kind: "login_link",
        to: person.email,
        subject: "Link",
        text: `Her: ${LINK_PLACEHOLDER}`,
        loginLinkId: link.id,
      },
      t,
      smtp,
    );
    failing = true;
    await deliverMail(id, t, smtp);
    failing = false;
    await deliverDueMail(t + retryDelayMs(1), smtp);
    const token = /\/login\/link\/([A-Za-z0-9_-]{43})/.exec(received.at(-1) ?? "")?.[1] ?? "";
    expect(isUsableLink(token, t + retryDelayMs(1))).toBe(true);
    expect(row(id)?.text).toBe(`Her: ${LINK_PLACEHOLDER}`);
    expect(JSON.stringify(getDb().select().from(schema.mailOutbox).all())).not.toContain(token);
  });

  it("a sign-in mail whose link has expired is given up, not sent", async () => {
    const t = Date.now();
    const person = createEmployee(getDb(), createUnit(getDb(), `Udløbet ${t}`));
    const link = getDb()
      .insert(schema.loginLink)
      .values({ employeeId: person.id, email: person.email, createdAt: t, expiresAt: t + LINK_VALID_MS })
      .returning()
      .get();
    const id = enqueueMail(
      { kind: "login_link", to: person.email, subject: "Link", text: LINK_PLACEHOLDER, loginLinkId: link.id },
      t,
      smtp,
    );
    const count = received.length;
    expect(await deliverMail(id, t + LINK_VALID_MS, smtp)).toBe("failed");
    expect(row(id)).toMatchObject({ status: "failed", nextAttemptAt: null });
    expect(received.length).toBe(count);
  });
});
