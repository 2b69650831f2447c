import { SUPER_USER_RANGE_TEXT, superUserRange } from "~/super-users/range";

/** The number of AI super users with Chefforum's verdict in words; red outside 2-4. */
export function SuperUserCount({ count }: { count: number }) {
  const range = superUserRange(count);
  return (
    <span className={range === "ok" ? "text-ok" : "font-semibold text-bad"}>
      {count} · {SUPER_USER_RANGE_TEXT[range]}
    </span>
  );
}
