// Danish words live at the edge (URLs, form values, labels); values inside the code are English.
// A table of the edge's choices maps each value to `{ slug, label }`; this reads a slug back.

/** The key whose URL word is `slug`, or undefined (unknown or missing words fall back to a default). */
export function keyOfSlug<K extends string>(
  table: Record<K, { slug: string }>,
  slug: string | null | undefined,
): K | undefined {
  return (Object.keys(table) as K[]).find((key) => table[key].slug === slug);
}
