import { describe, expect, it } from "vitest";
import { entraTenantOf, rosterKeys, stableSubject, tenantMatches } from "./oidc-claims";

const TID = "2f1c4e9a-8b7d-4c3e-9a1b-0d2e3f4a5b6c";
const entra = new URL(`https://login.microsoftonline.com/${TID}/v2.0`);

describe("ID token claims", () => {
  it("Entra ID: the tenant comes from the issuer and the token's tid must match it", () => {
    expect(entraTenantOf(entra)).toBe(TID);
    expect(entraTenantOf(new URL("https://idp.example/realms/x"))).toBeNull();
    const claims = { iss: entra.href, sub: "s" };
    expect(tenantMatches(entra, { ...claims, tid: TID })).toBe(true);
    expect(tenantMatches(entra, { ...claims, tid: TID.toUpperCase() })).toBe(true);
    expect(tenantMatches(entra, { ...claims, tid: "9188040d-6c67-4c5b-b112-36a304b66dad" })).toBe(false);
    expect(tenantMatches(entra, claims)).toBe(false);
    expect(tenantMatches(new URL("http://127.0.0.1:9000"), claims)).toBe(true);
  });

  it("binds to tid + oid when present, else to iss + sub", () => {
    expect(stableSubject({ iss: entra.href, sub: "pairwise", tid: TID, oid: "OID-1" })).toBe(
      `tid:${TID}:oid:oid-1`,
    );
    expect(stableSubject({ iss: "http://127.0.0.1:9000", sub: "abc" })).toBe(
      "iss:http://127.0.0.1:9000:sub:abc",
    );
    expect(stableSubject({ iss: "http://127.0.0.1:9000", sub: "abc", tid: TID })).toBe(
      "iss:http://127.0.0.1:9000:sub:abc",
    );
  });

  it("matches the roster by the employee-number claim when configured, else by e-mail", () => {
    const claims = {
      iss: "i",
      sub: "s",
      email: "Anna@Albertslund.dk",
      preferred_username: "anna@albertslund.dk",
      employeeid: " 4711 ",
    };
    expect(rosterKeys(claims, "employeeid")).toEqual({ employeeNumber: "4711" });
    expect(rosterKeys({ ...claims, employeeid: undefined }, "employeeid")).toBeNull();
    expect(rosterKeys(claims, undefined)).toEqual({ emails: ["anna@albertslund.dk"] });
    expect(rosterKeys({ iss: "i", sub: "s", preferred_username: "ANNA@albertslund.dk" }, undefined)).toEqual({
      emails: ["anna@albertslund.dk"],
    });
    expect(rosterKeys({ iss: "i", sub: "s", preferred_username: "anna" }, undefined)).toBeNull();
  });
});
