// The one-time sign-in link by e-mail, for employees without a Microsoft login.
// - The answer to a request is the same whether or not the address is known; a mail goes only to
//   an active employee on the roster, at most 3 per address per 15 minutes, and every request
//   counts against the per-client-address limit.
// - The token is 256 random bits; only its SHA-256 is stored. It is valid 15 minutes and once.
// - Opening the link (GET) only shows a page with a "Log ind" button; the POST signs in. Mail
//   scanners (Defender Safe Links) open every link, and must neither use it up nor sign in.
import { createHash, randomBytes } from "node:crypto";
import { and, count, eq, gt, gte, isNull } from "drizzle-orm";
import { getDb, schema } from "~/db.server";
import { config } from "~/env.server";
import { isDemoDatabase } from "~/site-settings.server";
import { deliverMail, enqueueMail, LINK_PLACEHOLDER } from "../mail/outbox.server";
import { countAddressRequest } from "./login-limit.server";
import { accountForEmployee, hasLeft } from "./roster-account.server";

const { employee, loginLink } = schema;

export const LINK_VALID_MS = 15 * 60 * 1000;
export const MAX_LINKS_PER_ADDRESS = 3;

const hashToken = (token: string) => createHash("sha256").update(token).digest();
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** Handles "Send mig et link". Says nothing about whether anything was sent. */
export function requestLoginLink(rawEmail: string, ip: string, now = Date.now()): void {
  if (!countAddressRequest(ip, now)) return;
  const email = rawEmail.trim().toLowerCase();
  const linkId = getDb().transaction(
    (tx) => {
      const person = tx.select().from(employee).where(eq(employee.email, email)).get();
      if (!person || hasLeft(person, now)) return null;
      const recent =
        tx
          .select({ n: count() })
          .from(loginLink)
          .where(and(eq(loginLink.email, email), gte(loginLink.createdAt, now - LINK_VALID_MS)))
          .get()?.n ?? 0;
      if (recent >= MAX_LINKS_PER_ADDRESS) return null;
      return tx
        .insert(loginLink)
        .values({ employeeId: person.id, email, createdAt: now, expiresAt: now + LINK_VALID_MS })
        .returning({ id: loginLink.id })
        .get().id;
    },
    { behavior: "immediate" },
  );
  if (linkId === null) return;
  const mailId = enqueueMail(
    {
      kind: "login_link",
      to: email,
      subject: "Dit link til at logge ind på AI og GDPR",
      text: [
        "Hej",
        "",
        "Du har bedt om et link til at logge ind på kommunens kurser om AI og GDPR.",
        "Åbn linket, og tryk på knappen Log ind. Linket virker i 15 minutter og kun én gang:",
        "",
        LINK_PLACEHOLDER,
        "",
        "Har du ikke bedt om linket, kan du se bort fra denne mail.",
        "",
        "Venlig hilsen",
        config().municipalityName,
      ].join("\n"),
      loginLinkId: linkId,
    },
    now,
  );
  // Delivered right away, without making the answer wait (its timing must not tell anything).
  void deliverMail(mailId, now).catch(() => undefined);
}

/**
 * A fresh token for a link that is still unused and valid, replacing the stored hash (so only the
 * newest delivery's link works), or null. Called by each delivery attempt and the demo postkasse.
 */
export function mintLoginLinkToken(linkId: number, now = Date.now()): string | null {
  const token = randomBytes(32).toString("base64url");
  const updated = getDb()
    .update(loginLink)
    .set({ tokenHash: hashToken(token) })
    .where(and(eq(loginLink.id, linkId), isNull(loginLink.usedAt), gt(loginLink.expiresAt, now)))
    .returning({ id: loginLink.id })
    .get();
  return updated ? token : null;
}

/** Whether a link can still be used (for the page the GET shows; it changes nothing). */
export function isUsableLink(token: string, now = Date.now()): boolean {
  if (!TOKEN_FORMAT.test(token)) return false;
  const row = getDb()
    .select()
    .from(loginLink)
    .where(eq(loginLink.tokenHash, hashToken(token)))
    .get();
  return !!row && row.usedAt === null && row.expiresAt > now;
}

export type LinkSignIn = { ok: true; userId: number } | { ok: false; reason: "invalid" | "left" | "closed" };

/** Uses the link (once) and returns the account to sign in, creating it on the first sign-in. */
export function redeemLoginLink(token: string, now = Date.now()): LinkSignIn {
  if (!TOKEN_FORMAT.test(token)) return { ok: false, reason: "invalid" };
  return getDb().transaction(
    (tx): LinkSignIn => {
      const row = tx
        .update(loginLink)
        .set({ usedAt: now })
        .where(
          and(
            eq(loginLink.tokenHash, hashToken(token)),
            isNull(loginLink.usedAt),
            gt(loginLink.expiresAt, now),
          ),
        )
        .returning()
        .get();
      if (!row) return { ok: false, reason: "invalid" };
      const person = tx.select().from(employee).where(eq(employee.id, row.employeeId)).get();
      if (!person) return { ok: false, reason: "invalid" };
      return accountForEmployee(tx, person, now);
    },
    { behavior: "immediate" },
  );
}

/** The demo postkasse may show sign-in links; a real installation never can. */
export function canShowLinksInPostkasse(): boolean {
  return isDemoDatabase() && config().smtp === null;
}
