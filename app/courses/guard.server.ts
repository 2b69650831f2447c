import { data } from "@remix-run/node";
import { type CurrentUser, requireUser } from "~/auth/guard.server";

/** A signed-in person with an employee record: only they take courses. */
export function requireEmployee(request: Request): CurrentUser & { employeeId: number } {
  const user = requireUser(request);
  if (user.employeeId === null) {
    throw data(
      { message: "Din bruger er ikke knyttet til en medarbejder, så du har ingen kurser." },
      { status: 403 },
    );
  }
  return { ...user, employeeId: user.employeeId };
}

export function notFound(message = "Siden findes ikke."): never {
  throw data({ message }, { status: 404 });
}
