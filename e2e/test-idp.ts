// A real OpenID provider (oidc-provider) on loopback, for the single sign-on tests. Its own login
// page (devInteractions) signs in whoever types an account name the test has added. For the
// cases a real provider never produces (wrong audience, another issuer, expired, another key,
// wrong nonce) `forge` replaces its token endpoint: the code is still looked up and used up at
// the provider, but the ID token is one the test shaped, signed with jose.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import Provider from "oidc-provider";

export const CLIENT_ID = "albertslund-laering";
export const CLIENT_SECRET = "test-klienthemmelighed";

export interface IdpAccount {
  email?: string;
  name?: string;
  [claim: string]: unknown;
}

/** Changes the claims (or the signing key) of the next ID tokens; null restores the provider's own. */
export type Forgery = (claims: Record<string, unknown>) => {
  claims: Record<string, unknown>;
  otherKey?: boolean;
};

export interface TestIdp {
  issuer: string;
  accounts: Map<string, IdpAccount>;
  forge(forgery: Forgery | null): void;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString());
}

export async function startTestIdp(redirectUri: string): Promise<TestIdp> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const own = await generateKeyPair("RS256", { extractable: true });
  const other = await generateKeyPair("RS256");
  const kid = "test-key";
  const accounts = new Map<string, IdpAccount>();
  let forgery: Forgery | null = null;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [redirectUri],
        token_endpoint_auth_method: "client_secret_post",
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(own.privateKey)), kid, alg: "RS256", use: "sig" }] as never },
    cookies: { keys: ["test-idp-cookie-key"] },
    ttl: {
      AccessToken: 300,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 300,
      Interaction: 600,
      Session: 600,
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "preferred_username"] },
    // Put the e-mail and profile claims into the ID token itself, as Entra ID does.
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: () => ({ ...account, sub }) } : undefined;
    },
    // No consent screen: the municipality's own app is pre-approved.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client?.clientId,
        accountId: ctx.oidc.session?.accountId,
      });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
    features: { devInteractions: { enabled: true } },
  });
  provider.on("server_error", (_ctx, error) => console.error("test IdP:", error));
  const handle = provider.callback();

  server.on("request", async (req, res) => {
    if (!(forgery && req.method === "POST" && req.url?.startsWith("/token"))) return handle(req, res);
    const params = await body(req);
    const code = await provider.AuthorizationCode.find(params.get("code") ?? "");
    if (
      !code ||
      (code as unknown as { consumed?: unknown }).consumed ||
      params.get("client_id") !== CLIENT_ID
    ) {
      res.writeHead(400, { "Content-Type": "application/json" }).end('{"error":"invalid_grant"}');
      return;
    }
    await code.consume();
    const now = Math.floor(Date.now() / 1000);
    const made = forgery({
      ...accounts.get(code.accountId ?? ""),
      iss: issuer,
      sub: code.accountId,
      aud: CLIENT_ID,
      iat: now,
      exp: now + 300,
      nonce: code.nonce,
    });
    const idToken = await new SignJWT(made.claims)
      .setProtectedHeader({ alg: "RS256", kid })
      .sign(made.otherKey ? other.privateKey : own.privateKey);
    res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" }).end(
      JSON.stringify({
        access_token: `forged-${now}`,
        token_type: "Bearer",
        expires_in: 300,
        id_token: idToken,
      }),
    );
  });

  return {
    issuer,
    accounts,
    forge: (f) => {
      forgery = f;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
