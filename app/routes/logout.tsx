import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import {
  clearedSessionCookie,
  invalidateSession,
  readSessionToken,
  validateSessionToken,
} from "~/auth/session.server";

// Logging out changes state, so it is a POST; a GET only sends the visitor home.
export function loader() {
  return redirect("/");
}

export function action({ request }: ActionFunctionArgs) {
  const token = readSessionToken(request);
  const current = token ? validateSessionToken(token) : null;
  if (current) invalidateSession(current.sessionId);
  return redirect("/login", { headers: { "Set-Cookie": clearedSessionCookie() } });
}
