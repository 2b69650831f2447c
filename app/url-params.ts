// Ids and page numbers in URLs are plain decimal integers: "12" is 12; "0x12", "1.8e1", "012",
// "+12" and " 12" are not ids at all, so they get the same 404 as an id that does not exist.
import { data } from "@remix-run/node";

const DECIMAL_ID = /^[1-9]\d{0,14}$/;

/** The id in `value`, or null when it is not a plain positive decimal integer. */
export function parseId(value: string | null | undefined): number | null {
  return typeof value === "string" && DECIMAL_ID.test(value) ? Number(value) : null;
}

/** The id in a route parameter, or a 404 with `notFoundMessage`. */
export function requireIdParam(value: string | undefined, notFoundMessage: string): number {
  const id = parseId(value);
  if (id === null) throw data({ message: notFoundMessage }, { status: 404 });
  return id;
}
