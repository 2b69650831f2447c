/** The answer to "Send mig et link", the same whether or not the address is known. */
export const LINK_SENT_ANSWER = "Hvis adressen står i kommunens medarbejderliste, har vi sendt dig et link.";
