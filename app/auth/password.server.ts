// Passwords: Argon2id with OWASP's parameters (m=19 MiB, t=2, p=1).
import { hash, verify } from "@node-rs/argon2";
import { and, eq, isNull } from "drizzle-orm";
import { getDb, schema } from "~/db.server";

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
export async function verifyPasswordLogin(email: string, password: string): Promise<number | null> {
  const account = getDb()
    .select({ id: schema.userAccount.id, passwordHash: schema.userAccount.passwordHash })
    .from(schema.userAccount)
    .where(
      and(eq(schema.userAccount.email, email.trim().toLowerCase()), isNull(schema.userAccount.deactivatedAt)),
    )
    .get();
  if (!account?.passwordHash) {
    dummyHash ??= hashPassword("ingen-bruger-med-denne-adgangskode");
    await verify(await dummyHash, password);
    return null;
  }
  return (await verify(account.passwordHash, password)) ? account.id : null;
}
