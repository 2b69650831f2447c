// Single sign-on with OpenID Connect (openid-client v6, the certified client): authorization
// code flow with PKCE (S256), state and nonce. The ID token is verified completely: signature
// against the issuer's JWKS (enableNonRepudiationChecks: openid-client skips the signature of
// tokens from the token endpoint otherwise), iss, aud, exp/iat/nbf with 2 minutes of clock
// tolerance, nonce, and for Entra ID the tenant (tid).
//
// The pending sign-in (state, nonce, PKCE verifier, where to go after) is kept server-side,
// in this process, under a random id in a short-lived HttpOnly cookie, and used once.
import { randomBytes } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import * as client from "openid-client";
import { getDb, schema } from "~/db.server";
import { config } from "~/env.server";
import { type IdTokenClaims, rosterKeys, stableSubject, tenantMatches } from "./oidc-claims";
import { accountForEmployee, hasLeft } from "./roster-account.server";

const { employee, userAccount } = schema;

const CLOCK_TOLERANCE_SECONDS = 120;
const PENDING_MS = 10 * 60 * 1000;
const MAX_PENDING = 10_000;
const isProduction = config().production;
export const SSO_COOKIE = isProduction ? "__Host-albertslund_sso" : "albertslund_sso";

let discovered: Promise<client.Configuration> | undefined;

function oidcSettings() {
  const oidc = config().oidc;
  if (!oidc) throw new Error("OIDC is not configured");
  return oidc;
}

/** The provider's metadata and keys, fetched once (again after a failure). */
function configuration(): Promise<client.Configuration> {
  const oidc = oidcSettings();
  discovered ??= client
    .discovery(
      oidc.issuer,
      oidc.clientId,
      { client_secret: oidc.clientSecret, [client.clockTolerance]: CLOCK_TOLERANCE_SECONDS },
      client.ClientSecretPost(oidc.clientSecret),
      {
        // http:// is allowed only for a loopback issuer (checked in env.server.ts), for tests.
        execute: [
          client.enableNonRepudiationChecks,
          ...(oidc.issuer.protocol === "http:" ? [client.allowInsecureRequests] : []),
        ],
      },
    )
    .catch((error) => {
      discovered = undefined;
      throw error;
    });
  return discovered;
}

interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  createdAt: number;
}
const pending = new Map<string, Pending>();

function forgetOld(now: number) {
  for (const [id, p] of pending) {
    if (now - p.createdAt < PENDING_MS && pending.size < MAX_PENDING) break;
    pending.delete(id); // a Map iterates oldest first
  }
}

export const redirectUri = () => `${config().publicOrigin}/login/sso/callback`;

/** Starts a sign-in: the URL at the provider, and the cookie that finds this attempt again. */
export async function startSignIn(returnTo: string, now = Date.now()): Promise<{ url: URL; cookie: string }> {
  const cfg = await configuration();
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const id = randomBytes(32).toString("base64url");
  forgetOld(now);
  pending.set(id, { state, nonce, verifier, returnTo, createdAt: now });
  const url = client.buildAuthorizationUrl(cfg, {
    redirect_uri: redirectUri(),
    scope: "openid profile email",
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  const cookie = `${SSO_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${PENDING_MS / 1000}${isProduction ? "; Secure" : ""}`;
  return { url, cookie };
}

export const clearedSsoCookie = () =>
  `${SSO_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${isProduction ? "; Secure" : ""}`;

function pendingFrom(request: Request, now: number): Pending | null {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === SSO_COOKIE && value) {
      const found = pending.get(value);
      pending.delete(value); // used once, whatever happens next
      return found && now - found.createdAt < PENDING_MS ? found : null;
    }
  }
  return null;
}

export type SignInRefusal =
  | "no-pending" // no or an expired sign-in attempt (cookie), or one already used
  | "provider-error" // the provider sent an error instead of a code
  | "token-invalid" // state, code, signature, iss, aud, exp, nonce … (the log line has the detail)
  | "wrong-tenant"
  | "not-on-roster"
  | "left"
  | "closed"
  | "bound-to-other";

export type SignInResult =
  | { ok: true; userId: number; returnTo: string }
  | { ok: false; refusal: SignInRefusal; detail: string };

/** Finishes a sign-in at the callback. Never throws for a bad response; says why it refused. */
export async function finishSignIn(request: Request, now = Date.now()): Promise<SignInResult> {
  const attempt = pendingFrom(request, now);
  if (!attempt) return { ok: false, refusal: "no-pending", detail: "no pending sign-in for this browser" };
  const callbackUrl = new URL(request.url);
  if (callbackUrl.searchParams.has("error")) {
    return {
      ok: false,
      refusal: "provider-error",
      detail: `provider error ${callbackUrl.searchParams.get("error")?.slice(0, 100)}`,
    };
  }
  // The URL the provider redirected to, on the public origin (behind a proxy request.url may differ).
  const current = new URL(`${redirectUri()}${callbackUrl.search}`);
  let claims: IdTokenClaims;
  try {
    const cfg = await configuration();
    const tokens = await client.authorizationCodeGrant(cfg, current, {
      pkceCodeVerifier: attempt.verifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const verified = tokens.claims();
    if (!verified) return { ok: false, refusal: "token-invalid", detail: "no ID token" };
    claims = verified as IdTokenClaims;
  } catch (error) {
    // The library's message names the failed check (never the token itself).
    const detail =
      error instanceof Error
        ? `${(error as { code?: string }).code ?? error.name}: ${error.message}`
        : "unknown";
    return { ok: false, refusal: "token-invalid", detail: detail.slice(0, 300) };
  }
  const oidc = oidcSettings();
  if (!tenantMatches(oidc.issuer, claims))
    return { ok: false, refusal: "wrong-tenant", detail: "tid does not match the configured tenant" };
  const result = bindAccount(claims, oidc.employeeNumberClaim, now);
  return result.ok ? { ...result, returnTo: attempt.returnTo } : result;
}

/**
 * The account for a verified token. After the first sign-in the subject alone decides; the first
 * time, the roster is matched by employee number (if configured) or e-mail, and the account bound.
 */
export function bindAccount(
  claims: IdTokenClaims,
  employeeNumberClaim: string | undefined,
  now = Date.now(),
): { ok: true; userId: number } | { ok: false; refusal: SignInRefusal; detail: string } {
  const subject = stableSubject(claims);
  return getDb().transaction(
    (tx) => {
      const bound = tx.select().from(userAccount).where(eq(userAccount.oidcSubject, subject)).get();
      if (bound) {
        if (bound.deactivatedAt !== null)
          return { ok: false, refusal: "closed", detail: "account deactivated" } as const;
        const person =
          bound.employeeId === null
            ? undefined
            : tx.select().from(employee).where(eq(employee.id, bound.employeeId)).get();
        if (person && hasLeft(person, now))
          return { ok: false, refusal: "left", detail: "employee has left" } as const;
        return { ok: true, userId: bound.id } as const;
      }
      const keys = rosterKeys(claims, employeeNumberClaim);
      const person = !keys
        ? undefined
        : "employeeNumber" in keys
          ? tx.select().from(employee).where(eq(employee.employeeNumber, keys.employeeNumber)).get()
          : tx.select().from(employee).where(inArray(employee.email, keys.emails)).get();
      if (!person) return { ok: false, refusal: "not-on-roster", detail: "no roster match" } as const;
      const account = accountForEmployee(tx, person, now);
      if (!account.ok)
        return { ok: false, refusal: account.reason, detail: `roster employee: ${account.reason}` } as const;
      // Bind, unless this account already belongs to another work account (never taken over).
      const taken = tx
        .update(userAccount)
        .set({ oidcSubject: subject })
        .where(and(eq(userAccount.id, account.userId), isNull(userAccount.oidcSubject)))
        .returning({ id: userAccount.id })
        .get();
      if (!taken)
        return { ok: false, refusal: "bound-to-other", detail: "account bound to another subject" } as const;
      return { ok: true, userId: account.userId } as const;
    },
    { behavior: "immediate" },
  );
}
