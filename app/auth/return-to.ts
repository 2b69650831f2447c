// Where to go after signing in. The path comes from the URL (redirectTo), so it is parsed the way
// a browser would parse it, against the site's own origin, and must stay on that origin.

// C0 and C1 control characters (tab, newline, carriage return, vertical tab …) and DEL: browsers
// strip some of them, which turns "/\t/evil.example" into "//evil.example".
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** A same-origin path ("/a?b#c") to return to after sign-in, or "/" for anything else. */
export function safeReturnTo(to: unknown, publicOrigin: string): string {
  if (typeof to !== "string" || to.length > 2048 || !to.startsWith("/") || CONTROL_CHARACTERS.test(to)) {
    return "/";
  }
  // Backslashes count as slashes in URLs ("/\\evil" is "//evil"); refuse them before parsing.
  if (to.startsWith("//") || to.includes("\\")) return "/";
  let url: URL;
  try {
    url = new URL(to, publicOrigin);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(publicOrigin).origin) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
