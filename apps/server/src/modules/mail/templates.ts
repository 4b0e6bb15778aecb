import { DEPLOYMENT_RULE, type Language, readerTag, type SentenceWords } from "@guichet/domain";
import type { Catalogue, Locale } from "../../i18n/index.js";
import { catalogueOrder } from "../../i18n/reader.js";
import { type BillingMailParams, billingEn, billingFr } from "./texts-billing.js";
import { de } from "./texts-de.js";
import { type DeskMailParams, deskEn, deskFr } from "./texts-desk.js";
import { type MaintenanceMailParams, maintenanceEn, maintenanceFr } from "./texts-maintenance.js";
import { type NoticesMailParams, noticesEn, noticesFr } from "./texts-notices.js";
import { type OrdersMailParams, ordersEn, ordersFr } from "./texts-orders.js";
import { type SecurityMailParams, securityEn, securityFr } from "./texts-security.js";

/**
 * Mail texts, French first, English for people who prefer it. Each kind has a `.subject` and a
 * `.body`; the footer is appended to every body. `{name}` placeholders are filled from the
 * kind's parameters (dates are formatted for the reader) and from the common values below.
 * `{cite}` names the contract clause the mail applies, e.g. " (MCR-ACC-01)", or is empty.
 *
 * Adding a kind: declare its parameters in `MailParams`, then its subject and body in both
 * tables. The compiler refuses a kind without texts and a French placeholder without a value;
 * templates.test.ts checks that English uses the same placeholders as French.
 */
export const fr = {
  "invitation.subject": "Invitation à {portalName}",
  "invitation.body": `Bonjour {firstName},

Un accès à {portalName} vous est ouvert pour {organisationName}. Pour l'activer, choisissez votre mot de passe en suivant ce lien :

{link}

Ce lien est personnel, ne sert qu'une fois et expire le {expiresAt}{cite}. Passé ce délai, demandez une nouvelle invitation à votre administrateur.

Si vous n'attendiez pas ce message, ignorez-le : aucun accès ne sera activé sans vous.`,

  "password_reset.subject": "Réinitialisation de votre mot de passe {portalName}",
  "password_reset.body": `Bonjour {firstName},

Une réinitialisation du mot de passe de votre compte {portalName} a été demandée. Pour choisir un nouveau mot de passe, suivez ce lien :

{link}

Ce lien ne sert qu'une fois et expire le {expiresAt}{cite}.

Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.`,

  "identifier_revoked_reissued.subject": "Votre nouvel identifiant {portalName}",
  "identifier_revoked_reissued.body": `Bonjour {firstName},

Suite à la déclaration de perte de votre identifiant, l'ancien a été révoqué : il ne permet plus de se connecter. Un nouvel identifiant vous est attribué{cite}. Pour l'activer, choisissez votre mot de passe en suivant ce lien :

{link}

Ce lien est personnel, ne sert qu'une fois et expire le {expiresAt}.

Si vous n'avez signalé aucune perte, prévenez sans attendre {contact}.`,

  "identifier_revoked.subject": "Votre identifiant {portalName} est révoqué",
  "identifier_revoked.body": `Bonjour {firstName},

Votre identifiant a été révoqué{cite} : il ne permet plus de se connecter, et ses sessions et jetons d'API sont fermés. Pour retrouver un accès, adressez-vous à l'administrateur de votre organisation.

Si vous n'avez rien demandé, prévenez sans attendre {contact}.`,

  "inactivity_warning.subject": "Votre identifiant {portalName} va être désactivé",
  "inactivity_warning.body": `Bonjour {firstName},

Votre identifiant n'a pas servi depuis le {lastUsedAt}. Sans connexion de votre part d'ici le {deactivationAt}, il sera désactivé{cite}.

Pour le conserver, il suffit de vous connecter :

{publicUrl}

S'il ne vous est plus utile, vous n'avez rien à faire.`,

  "organisation_suspended.subject": "Accès de {organisationName} à {portalName} suspendu",
  "organisation_suspended.body": `Bonjour,

L'accès de {organisationName} à {portalName} est suspendu depuis le {suspendedAt}{cite}.

Motif : {reason}

Pendant la suspension, personne dans votre organisation ne peut se connecter au portail. Pour toute question, contactez {contact}.`,

  ...deskFr,
  ...maintenanceFr,
  ...ordersFr,
  ...noticesFr,
  ...billingFr,
  ...securityFr,

  footer: `-- 
{portalName}
{publicUrl}`,
} as const;

export type MailTextKey = keyof typeof fr;

export const en: Record<MailTextKey, string> = {
  "invitation.subject": "Invitation to {portalName}",
  "invitation.body": `Hello {firstName},

An account on {portalName} has been opened for you at {organisationName}. To activate it, choose your password by following this link:

{link}

This link is personal, works only once and expires on {expiresAt}{cite}. After that, ask your administrator for a new invitation.

If you did not expect this message, ignore it: nothing will be activated without you.`,

  "password_reset.subject": "Reset your {portalName} password",
  "password_reset.body": `Hello {firstName},

Someone asked to reset the password of your {portalName} account. To choose a new password, follow this link:

{link}

This link works only once and expires on {expiresAt}{cite}.

If you did not ask for this, ignore this message: your current password still works.`,

  "identifier_revoked.subject": "Your {portalName} identifier is revoked",
  "identifier_revoked.body": `Hello {firstName},

Your identifier has been revoked{cite}: it can no longer sign in, and its sessions and API tokens are closed. To regain access, ask your organisation's administrator.

If you asked for nothing, tell {contact} without delay.`,

  "identifier_revoked_reissued.subject": "Your new {portalName} identifier",
  "identifier_revoked_reissued.body": `Hello {firstName},

Following the report that your identifier was lost, the old one has been revoked: it can no longer sign in. A new identifier has been issued to you{cite}. To activate it, choose your password by following this link:

{link}

This link is personal, works only once and expires on {expiresAt}.

If you reported no loss, tell {contact} without delay.`,

  "inactivity_warning.subject": "Your {portalName} identifier is about to be deactivated",
  "inactivity_warning.body": `Hello {firstName},

Your identifier has not been used since {lastUsedAt}. Unless you sign in by {deactivationAt}, it will be deactivated{cite}.

To keep it, just sign in:

{publicUrl}

If you no longer need it, there is nothing to do.`,

  "organisation_suspended.subject": "Access of {organisationName} to {portalName} suspended",
  "organisation_suspended.body": `Hello,

The access of {organisationName} to {portalName} has been suspended since {suspendedAt}{cite}.

Reason: {reason}

While suspended, nobody in your organisation can sign in to the portal. For any question, contact {contact}.`,

  ...deskEn,
  ...maintenanceEn,
  ...ordersEn,
  ...noticesEn,
  ...billingEn,
  ...securityEn,

  footer: `-- 
{portalName}
{publicUrl}`,
};

/** What each kind of mail is rendered from; dates are formatted in the reader's language. */
export interface MailParams
  extends DeskMailParams,
    MaintenanceMailParams,
    OrdersMailParams,
    NoticesMailParams,
    BillingMailParams,
    SecurityMailParams {
  /** A link to set a first password (MCR-ACC-01; DSN-ID-02 when identifiers have a deadline). */
  invitation: { firstName: string; organisationName: string; link: string; expiresAt: Date };
  password_reset: { firstName: string; link: string; expiresAt: Date };
  /** A lost identifier replaced by a new one (DSN-ID-04); `contact` is who to warn if it was not you. */
  identifier_revoked_reissued: { firstName: string; link: string; expiresAt: Date; contact: string };
  /** An identifier revoked where the contract issues no new one. */
  identifier_revoked: { firstName: string; contact: string };
  /** Before an unused identifier is deactivated (DSN-ID-03). */
  inactivity_warning: { firstName: string; lastUsedAt: Date; deactivationAt: Date };
  /** An organisation's access suspended by the provider (DSN-SEC-02). */
  organisation_suspended: { organisationName: string; suspendedAt: Date; reason: string; contact: string };
}

export type MailKind = keyof MailParams;

/** Values every mail may use besides its own parameters. */
export interface MailContext {
  /**
   * The recipient's language (issue 23): the mail is written from the first catalogue of the
   * fallback order (`textLanguage`: this language, the contract's `languages` from its locale,
   * English, French), the contract's names (the portal's) and the dates in this language.
   */
  locale: Language;
  /** The contract's languages, its locale first; absent: the recipient's language alone. */
  languages?: readonly Language[];
  /** The portal's name in the contract's languages, as it gives it (`provider.portalName`). */
  portalName: Record<Locale, string> & Partial<Record<Language, string>>;
  /**
   * What the contract calls a ticket, with the words a sentence needs around it in each language
   * (`sentenceWords`, issue 23): the desk's {ticket}, {Ticket}, and in French {la}, {e}…
   */
  ticketWords: Record<Locale, SentenceWords> & Partial<Record<Language, SentenceWords>>;
  /** The address people reach Guichet at, without a trailing slash. */
  publicUrl: string;
  /** The clause the mail applies, named in its text; null when none does. */
  clause: string | null;
  /** Time zone dates are shown in, e.g. "Europe/Paris". */
  timeZone: string;
}

const COMMON_PLACEHOLDERS = [
  "portalName",
  "publicUrl",
  "cite",
  // sentenceWords (issue 23): the contract's noun for a ticket and what agrees with it.
  "ticket",
  "Ticket",
  "e",
  "la",
  "La",
  "le",
  "de",
  "dela",
  "ala",
  "elle",
] as const;

// Compile-time check: every placeholder of a French text has a value. A missing one makes
// this assignment fail and names the placeholder in the error.
type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type Unfilled = {
  [K in MailKind]: Exclude<
    Placeholders<(typeof fr)[`${K}.subject` | `${K}.body`]>,
    keyof MailParams[K] | (typeof COMMON_PLACEHOLDERS)[number]
  >;
}[MailKind];
true satisfies [Unfilled] extends [never] ? true : Unfilled;

const tables: Record<Catalogue, Partial<Record<MailTextKey, string>>> = { fr, en, de };

export interface RenderedMail {
  subject: string;
  text: string;
}

/**
 * The catalogue a recipient's mail is written from (issue 23): the first of their fallback order
 * (`catalogueOrder`: their language, the contract's languages from its locale, English, French)
 * that has this mail, and the words to name a ticket in it. German is partial (texts-de.ts): a
 * mail it lacks is written whole in the next catalogue, as the contract orders them.
 */
export function mailCatalogue(
  kind: MailKind,
  context: Pick<MailContext, "locale" | "languages" | "ticketWords">,
): Catalogue {
  const languages = context.languages ?? [context.locale];
  const order = catalogueOrder(context.locale, {
    locale: languages[0] ?? context.locale,
    languages: [...languages],
  });
  const written = order.find(
    (catalogue) => tables[catalogue][`${kind}.body`] !== undefined && context.ticketWords[catalogue],
  );
  return written ?? "en";
}

/**
 * Renders one mail in the reader's language, else in the best catalogue the fallback order gives,
 * the portal's name and the dates in the reader's language. Throws on a placeholder without a value.
 */
export function renderMail<K extends MailKind>(
  kind: K,
  params: MailParams[K],
  context: MailContext,
): RenderedMail {
  const locale = mailCatalogue(kind, context);
  const table = tables[locale];
  const values: Record<string, string> = {
    portalName: context.portalName[context.locale] ?? context.portalName[locale] ?? context.portalName.en,
    // The noun agrees with the sentence it sits in: the catalogue's language.
    ...(context.ticketWords[locale] ?? context.ticketWords.en),
    publicUrl: context.publicUrl,
    // A deployment's own rule is not a clause the reader could look up: the mail cites nothing.
    cite: context.clause && context.clause !== DEPLOYMENT_RULE ? ` (${context.clause})` : "",
  };
  for (const [name, value] of Object.entries(params as Record<string, string | Date>)) {
    values[name] = value instanceof Date ? formatInstant(value, context.locale, context.timeZone) : value;
  }
  const subjectKey: MailTextKey = `${kind}.subject`;
  const bodyKey: MailTextKey = `${kind}.body`;
  return {
    // A subject is one header line whatever the parameters hold.
    subject: fill(table[subjectKey] ?? "", values, subjectKey).replace(/\s*[\r\n]+\s*/g, " "),
    text: `${fill(table[bodyKey] ?? "", values, bodyKey)}\n\n${fill(table.footer ?? en.footer, values, "footer")}\n`,
  };
}

/** Each text split once into literal parts and the names between them: `[text, name, text, …]`. */
const splitTexts = new Map<string, readonly string[]>();

function fill(text: string, values: Record<string, string>, key: string): string {
  let parts = splitTexts.get(text);
  if (!parts) {
    parts = text.split(/\{(\w+)\}/);
    splitTexts.set(text, parts);
  }
  let filled = parts[0] ?? "";
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    const value = values[name];
    if (value === undefined) throw new Error(`mail text ${key}: no value for {${name}}`);
    filled += value + (parts[i + 1] ?? "");
  }
  return filled;
}

/** Formatters by language and zone: making one costs far more than formatting with it. */
const instantFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "jeudi 12 mars 2026 à 14:30 UTC+1", "Donnerstag, 12. März 2026 um 14:30 GMT+1": in the reader's
 * language whatever the text's (issue 23); the offset keeps it unambiguous for readers elsewhere.
 */
export function formatInstant(at: Date, language: Language, timeZone: string): string {
  const key = `${language} ${timeZone}`;
  let format = instantFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(readerTag(undefined, language), {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone,
      timeZoneName: "shortOffset",
    });
    instantFormats.set(key, format);
  }
  return format.format(at);
}
