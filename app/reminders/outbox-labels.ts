// The outbox page's status filter (client-safe: the page's form shows these labels).
export const OUTBOX_STATUS_FILTERS = {
  alle: "Alle",
  sendt: "Sendt",
  venter: "Venter på at blive sendt",
  fejlet: "Fejlede",
  "ikke-sendt": "Ikke sendt (ingen mailserver)",
} as const;
