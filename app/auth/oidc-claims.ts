// Pure checks on a verified ID token's claims (unit-tested beside this file).

export interface IdTokenClaims {
  iss: string;
  sub: string;
  tid?: unknown;
  oid?: unknown;
  email?: unknown;
  preferred_username?: unknown;
  [claim: string]: unknown;
}

/** Entra ID's tenant id from a tenant issuer (https://login.microsoftonline.com/<tid>/v2.0), or null. */
export function entraTenantOf(issuer: URL): string | null {
  if (issuer.hostname.toLowerCase() !== "login.microsoftonline.com") return null;
  return issuer.pathname.split("/")[1]?.toLowerCase() || null;
}

/** For Entra ID the token must come from the configured tenant (the `tid` claim). */
export function tenantMatches(issuer: URL, claims: IdTokenClaims): boolean {
  const tenant = entraTenantOf(issuer);
  return tenant === null || (typeof claims.tid === "string" && claims.tid.toLowerCase() === tenant);
}

/** The stable subject an account is bound to: tid + oid where present (Entra ID), else iss + sub. */
export function stableSubject(claims: IdTokenClaims): string {
  if (typeof claims.tid === "string" && typeof claims.oid === "string" && claims.tid && claims.oid) {
    return `tid:${claims.tid.toLowerCase()}:oid:${claims.oid.toLowerCase()}`;
  }
  return `iss:${claims.iss}:sub:${claims.sub}`;
}

/** What to match against the roster at the first sign-in. */
export function rosterKeys(
  claims: IdTokenClaims,
  employeeNumberClaim: string | undefined,
): { employeeNumber: string } | { emails: string[] } | null {
  if (employeeNumberClaim) {
    const value = claims[employeeNumberClaim];
    return typeof value === "string" && value.trim() ? { employeeNumber: value.trim() } : null;
  }
  const emails = [claims.email, claims.preferred_username]
    .filter((v): v is string => typeof v === "string" && v.includes("@"))
    .map((v) => v.trim().toLowerCase());
  return emails.length > 0 ? { emails: [...new Set(emails)] } : null;
}
