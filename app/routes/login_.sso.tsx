// GET /login/sso: starts single sign-on (only when OIDC is configured).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { safeRedirectPath } from "~/auth/guard.server";
import { startSignIn } from "~/auth/oidc.server";
import { config } from "~/env.server";

export async function loader({ request }: LoaderFunctionArgs) {
  if (!config().oidc) throw data({ message: "Log ind med arbejdskonto er ikke sat op." }, { status: 404 });
  const returnTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  const { url, cookie } = await startSignIn(returnTo);
  return redirect(url.href, { headers: { "Set-Cookie": cookie } });
}
