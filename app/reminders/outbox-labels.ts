// The outbox page's status filter (client-safe: the page's form shows these labels).
export const OUTBOX_STATUS_FILTERS = {
  all: { slug: "alle", label: "Alle" },
  sent: { slug: "sendt", label: "Sendt" },
  waiting: { slug: "venter", label: "Venter på at blive sendt" },
  failed: { slug: "fejlet", label: "Fejlede" },
  notSent: { slug: "ikke-sendt", label: "Ikke sendt (ingen mailserver)" },
} as const;

/** The type filter's value, and its URL word, for every kind of mail. */
export const ALL_KINDS = "all";
export const ALL_KINDS_SLUG = "alle";
