import type { Language } from "../contract/primitives.js";
import type { Contract } from "../contract/schema.js";
import type { TicketNouns, TicketWords } from "../contract/schema-tickets.js";

/**
 * The words a sentence of the portal or of a mail needs to name a ticket the contract's way
 * (issue 23): the nouns, capitalised, and in French the articles and endings that agree with the
 * noun's gender and elide before a vowel ("un dossier", "l'incident", "cette demande", "clos" /
 * "close"); in English "a" or "an". Placeholders of the same names are in the texts.
 */
export type SentenceWords = Record<string, string>;

const VOWEL = /^[aeiouyàâäéèêëîïôöùûüh]/i;

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function frenchWords(nouns: TicketNouns): SentenceWords {
  const feminine = nouns.gender === "feminine";
  const vowel = VOWEL.test(nouns.singular);
  return {
    une: feminine ? "une" : "un",
    dune: feminine ? "d'une" : "d'un",
    la: vowel ? "l'" : feminine ? "la " : "le ",
    La: vowel ? "L'" : feminine ? "La " : "Le ",
    dela: vowel ? "de l'" : feminine ? "de la " : "du ",
    ala: vowel ? "à l'" : feminine ? "à la " : "au ",
    le: feminine ? "la" : "le",
    cette: feminine ? "cette" : vowel ? "cet" : "ce",
    Cette: feminine ? "Cette" : vowel ? "Cet" : "Ce",
    de: vowel ? "d'" : "de ",
    e: feminine ? "e" : "",
    nouvelle: feminine ? "nouvelle" : vowel ? "nouvel" : "nouveau",
    Nouvelle: feminine ? "Nouvelle" : vowel ? "Nouvel" : "Nouveau",
    Aucune: feminine ? "Aucune" : "Aucun",
    elle: feminine ? "elle" : "il",
  };
}

/**
 * German articles agree with the noun's gender ("der Fall", "die Anfrage", "das Ticket"); a noun
 * given without one is taken as feminine, as Guichet's own "Anfrage" is.
 */
function germanWords(nouns: TicketNouns): SentenceWords {
  const gender = nouns.gender ?? "feminine";
  return {
    der: { masculine: "der", feminine: "die", neuter: "das" }[gender],
    Der: { masculine: "Der", feminine: "Die", neuter: "Das" }[gender],
    den: { masculine: "den", feminine: "die", neuter: "das" }[gender],
    dem: { masculine: "dem", feminine: "der", neuter: "dem" }[gender],
  };
}

/** Guichet's own nouns where a text of its own is written in a language the contract gave none in. */
const OWN_NOUNS: Record<"de" | "it" | "nl", TicketNouns> = {
  de: { singular: "Anfrage", plural: "Anfragen", gender: "feminine" },
  it: { singular: "richiesta", plural: "richieste", gender: "feminine" },
  nl: { singular: "verzoek", plural: "verzoeken", gender: "neuter" },
};

/**
 * The words for sentences written in `language`, from the contract's nouns in it; where the
 * contract gave none in that language, Guichet's own noun in it (GEN-01: a German sentence never
 * carries an English noun).
 */
export function sentenceWords(words: TicketWords, language: Language): SentenceWords {
  const nouns =
    language === "fr" || language === "en"
      ? words.nouns[language]
      : (words.nouns[language] ?? OWN_NOUNS[language]);
  const base = {
    ticket: nouns.singular,
    tickets: nouns.plural,
    Ticket: capitalised(nouns.singular),
    Tickets: capitalised(nouns.plural),
  };
  if (language === "fr") return { ...base, ...frenchWords(nouns) };
  if (language === "de") return { ...base, ...germanWords(nouns) };
  return { ...base, a: /^[aeiou]/i.test(nouns.singular) ? "an" : "a" };
}

/** The portal's own word for the customer where the contract gives none: client, customer. */
const DEFAULT_CUSTOMER_NOUNS = {
  fr: { singular: "client", plural: "clients", gender: "masculine" },
  en: { singular: "customer", plural: "customers" },
} as const satisfies Record<"fr" | "en", TicketNouns>;

/**
 * The contract's word for its customer (provider.customerNouns, issue 13) for the same texts:
 * {customer}, {Customer}, {customers}, and in French {lecustomer} ("le client", "l'opérateur"),
 * {aucustomer} ("au client", "à l'opérateur") and {ducustomer} ("du client", "de l'opérateur");
 * English texts write "the {customer}".
 */
export function customerWords(contract: Pick<Contract, "provider">, language: Language): SentenceWords {
  const given = contract.provider.customerNouns;
  const nouns: TicketNouns =
    language === "fr" ? (given?.fr ?? DEFAULT_CUSTOMER_NOUNS.fr) : (given?.en ?? DEFAULT_CUSTOMER_NOUNS.en);
  const base = {
    customer: nouns.singular,
    customers: nouns.plural,
    Customer: capitalised(nouns.singular),
    Customers: capitalised(nouns.plural),
  };
  if (language !== "fr") return base;
  const french = frenchWords(nouns);
  return {
    ...base,
    lecustomer: `${french.la}${nouns.singular}`,
    aucustomer: `${french.ala}${nouns.singular}`,
    ducustomer: `${french.dela}${nouns.singular}`,
  };
}
