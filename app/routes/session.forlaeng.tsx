import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "~/auth/guard.server";
import { extendSession } from "~/auth/session.server";

// "Forlæng": the warning before an idle logout extends the session with one action (WCAG 2.2.1).
export function loader() {
  return redirect("/");
}

export function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const now = Date.now();
  return { expiresIn: extendSession(user.sessionId, user.role, now) - now };
}
