// The mail outbox: every message the site sends is a row in `mail_outbox` first, then delivered
// over SMTP (nodemailer) with retries and backoff. Sign-in links now, reminders (issue 13) later:
//
//   const id = enqueueMail({ kind: "reminder", to, subject, text, html });
//   await deliverMail(id);        // try at once (optional); the sender retries what fails
//   await deliverDueMail();       // what the background sender runs every minute
//
// A sign-in mail is stored with the placeholder "{{link}}" and a reference to its login_link
// row, never with the link itself: each delivery attempt mints a fresh token (replacing the
// stored hash) and puts it into the mail it hands to SMTP. A database copy, a backup or the
// outbox page therefore never holds a link that signs anyone in; an attempt that fails leaves
// behind only the hash of a token that reached no one.
import { and, eq, inArray, isNotNull, lte } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { getDb, schema } from "~/db.server";
import { config } from "~/env.server";
import { logger } from "~/logger.server";
import { mintLoginLinkToken } from "../auth/login-link.server";

const { mailOutbox, mailAttachment } = schema;

export const LINK_PLACEHOLDER = "{{link}}";
export const MAX_ATTEMPTS = 6;
/** Wait before the next try: 30 s, 1, 2, 4, 8 minutes … at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}
// A delivery in progress holds its row this long, so the sender and the request never both send it.
const CLAIM_MS = 2 * 60 * 1000;
export const NOT_SENT_WITHOUT_SMTP = "Ikke sendt: SMTP_URL er ikke sat på denne installation.";

export interface OutgoingMail {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** For a sign-in mail: the login_link whose token each delivery mints into "{{link}}". */
  loginLinkId?: number;
  /** Files sent with it (the department lists' XLSX), kept with the row so a retry sends the same. */
  attachments?: { fileName: string; contentType: string; content: Buffer }[];
}

export interface SmtpSettings {
  url: string;
  from: string;
}

/** Stores a message to be sent. Without SMTP it stays in the outbox, marked as not sent. */
export function enqueueMail(mail: OutgoingMail, now = Date.now(), smtp = config().smtp): number {
  const row = getDb()
    .insert(mailOutbox)
    .values({
      kind: mail.kind,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      loginLinkId: mail.loginLinkId ?? null,
      status: "queued",
      nextAttemptAt: smtp ? now : null,
      lastError: smtp ? null : NOT_SENT_WITHOUT_SMTP,
      createdAt: now,
    })
    .returning({ id: mailOutbox.id })
    .get();
  for (const file of mail.attachments ?? [])
    getDb()
      .insert(mailAttachment)
      .values({ mailId: row.id, ...file })
      .run();
  return row.id;
}

const transporters = new Map<string, Transporter>();
function transporterFor(url: string): Transporter {
  let t = transporters.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    transporters.set(url, t);
  }
  return t;
}

/** Takes the row for one attempt, if it is due and nobody else has it. */
function claim(id: number, now: number) {
  return getDb().transaction(
    (tx) => {
      const row = tx.select().from(mailOutbox).where(eq(mailOutbox.id, id)).get();
      if (!row || row.status === "sent" || row.nextAttemptAt === null || row.nextAttemptAt > now) return null;
      tx.update(mailOutbox)
        .set({ attempts: row.attempts + 1, nextAttemptAt: now + CLAIM_MS })
        .where(eq(mailOutbox.id, id))
        .run();
      return { ...row, attempts: row.attempts + 1 };
    },
    { behavior: "immediate" },
  );
}

function giveUp(id: number, reason: string) {
  getDb()
    .update(mailOutbox)
    .set({ status: "failed", lastError: reason, nextAttemptAt: null })
    .where(eq(mailOutbox.id, id))
    .run();
}

/** One delivery attempt of one message. Returns what became of it. */
export async function deliverMail(
  id: number,
  now = Date.now(),
  smtp: SmtpSettings | null = config().smtp,
): Promise<"sent" | "failed" | "not-due"> {
  if (!smtp) return "not-due";
  const row = claim(id, now);
  if (!row) return "not-due";
  let text = row.text;
  let html = row.html;
  if (row.loginLinkId !== null) {
    const token = mintLoginLinkToken(row.loginLinkId, now);
    if (!token) {
      giveUp(id, "Linket er udløbet eller brugt, før mailen kunne sendes.");
      return "failed";
    }
    const link = `${config().publicOrigin}/login/link/${token}`;
    text = text.replaceAll(LINK_PLACEHOLDER, link);
    html = html?.replaceAll(LINK_PLACEHOLDER, link) ?? null;
  }
  try {
    await transporterFor(smtp.url).sendMail({
      from: smtp.from,
      to: row.to,
      subject: row.subject,
      text,
      html: html ?? undefined,
      attachments: getDb()
        .select()
        .from(mailAttachment)
        .where(eq(mailAttachment.mailId, id))
        .all()
        .map((a) => ({ filename: a.fileName, contentType: a.contentType, content: a.content })),
    });
    getDb()
      .update(mailOutbox)
      .set({ status: "sent", sentAt: Date.now(), nextAttemptAt: null, lastError: null })
      .where(eq(mailOutbox.id, id))
      .run();
    return "sent";
  } catch (error) {
    // The SMTP server's answer, never the message (it may hold the link).
    const reason = error instanceof Error ? error.message.slice(0, 500) : "ukendt fejl";
    const retry = row.attempts < MAX_ATTEMPTS;
    getDb()
      .update(mailOutbox)
      .set({
        status: "failed",
        lastError: reason,
        nextAttemptAt: retry ? now + retryDelayMs(row.attempts) : null,
      })
      .where(eq(mailOutbox.id, id))
      .run();
    logger.warn({ mailId: id, kind: row.kind, attempts: row.attempts, retry, reason }, "mail not delivered");
    return "failed";
  }
}

/** Delivers every message that is due (queued, or failed with a retry time that has come). */
export async function deliverDueMail(now = Date.now(), smtp = config().smtp): Promise<number> {
  if (!smtp) return 0;
  const due = getDb()
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(
      and(
        inArray(mailOutbox.status, ["queued", "failed"]),
        isNotNull(mailOutbox.nextAttemptAt),
        lte(mailOutbox.nextAttemptAt, now),
      ),
    )
    .orderBy(mailOutbox.id)
    .limit(100)
    .all();
  let sent = 0;
  for (const { id } of due) if ((await deliverMail(id, now, smtp)) === "sent") sent++;
  return sent;
}

let sender: ReturnType<typeof setInterval> | undefined;

/** The background sender (started once by the server): every minute, what is due. */
export function startMailSender(everyMs = 60_000): void {
  if (sender || !config().smtp) return;
  sender = setInterval(() => {
    deliverDueMail().catch((error) => logger.error({ err: error }, "mail sender failed"));
  }, everyMs);
  sender.unref();
}
