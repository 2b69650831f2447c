// Passwords: Argon2id with OWASP's parameters (m=19 MiB, t=2, p=1).
import { hash, verify } from "@node-rs/argon2";
import { and, eq, isNull } from "drizzle-orm";
import { getDb, schema } from "~/db.server";
import { reserveLoginAttempt } from "./login-limit.server";

const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

// Verified against when the e-mail is unknown, so both failures take the same time.
let dummyHash: Promise<string> | undefined;

/**
 * The account id for an e-mail and password, or null. The caller cannot tell an unknown
 * e-mail from a wrong password, and neither can an attacker timing the answer.
 */
export async function verifyPasswordLogin(
  email: string,
  password: string,
  { adminsOnly = false } = {},
): Promise<number | null> {
  const found = getDb()
    .select({
      id: schema.userAccount.id,
      passwordHash: schema.userAccount.passwordHash,
      role: schema.userAccount.role,
    })
    .from(schema.userAccount)
    .where(
      and(eq(schema.userAccount.email, email.trim().toLowerCase()), isNull(schema.userAccount.deactivatedAt)),
    )
    .get();
  // With PASSWORD_LOGIN=admins everyone else is treated exactly like an unknown e-mail.
  const account = adminsOnly && found?.role !== "admin" ? undefined : found;
  if (!account?.passwordHash) {
    dummyHash ??= hashPassword("ingen-bruger-med-denne-adgangskode");
    await verify(await dummyHash, password);
    return null;
  }
  return (await verify(account.passwordHash, password)) ? account.id : null;
}

export type PasswordLoginResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "wrong" }
  | { ok: false; reason: "wait"; retryAfterSeconds: number };

/**
 * One password attempt: a slot from the login limit first (atomically), then the Argon2 verify.
 * `verify` is replaceable for the test that counts how many verifies parallel attempts reach.
 */
export async function passwordLogin(
  email: string,
  password: string,
  ip: string,
  { adminsOnly = false, verify = verifyPasswordLogin, now = Date.now() } = {},
): Promise<PasswordLoginResult> {
  const slot = reserveLoginAttempt(email, ip, now);
  if (!slot.allowed) return { ok: false, reason: "wait", retryAfterSeconds: slot.retryAfterSeconds };
  const userId = await verify(email, password, { adminsOnly });
  slot.finish(userId !== null);
  return userId === null ? { ok: false, reason: "wrong" } : { ok: true, userId };
}
