import type { ReactNode } from "react";

/** The page every sign-in step ends on when it does not sign in: what happened, and a way on. */
export function SignInMessage({
  title,
  children,
  back = true,
}: {
  title: string;
  children: ReactNode;
  back?: boolean;
}) {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">{title}</h1>
      <div className="mt-3 space-y-3 rounded-lg bg-white p-6 shadow-sm">{children}</div>
      {back ? (
        <p className="mt-4">
          <a href="/login">Tilbage til log ind</a>
        </p>
      ) : null}
    </div>
  );
}
