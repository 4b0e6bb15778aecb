/**
 * Mails of changes with notice (issue 18: MCR-BIL-05, DSN-BIL-01, DSN-BIL-02), merged into
 * templates.ts: the announcement to each person concerned of a customer, with the effective date;
 * the letter ("par écrit") and the durable copy are in the portal.
 */
export const noticesFr = {
  "change_announced.subject": "{organisationName} : {title}, à compter du {effectiveFrom}",
  "change_announced.body": `Bonjour {firstName},

{portalName} vous informe d'une modification qui concerne {organisationName}{cite} :

{title}
Entrée en vigueur : {effectiveFrom}

{summary}

{body}

L'avis et, le cas échéant, le courrier à télécharger sont conservés dans le portail : {publicUrl}/avis`,

  "news_incident.subject": "{organisationName} : incident — {title}",
  "news_incident.body": `Bonjour {firstName},

{portalName} a détecté un incident sur un service utilisé par {organisationName}{cite}. Vous recevez ce message en tant que contact désigné.

{title}
Publié le {publishedOn}

{body}

Les actualités et leur suivi sont dans le portail : {publicUrl}/actualites`,
  "change_signature_reminder.subject": "{organisationName} : nouvelle version à signer — {title}",
  "change_signature_reminder.body": `Bonjour {firstName},

La nouvelle version « {title} », annoncée le {announcedOn}, attend toujours la signature de {organisationName}{cite}. Elle ne prend effet qu'une fois signée par les deux parties.

Signez-la dans le portail : {publicUrl}/avis`,
} as const;

export type NoticesMailTextKey = keyof typeof noticesFr;

export const noticesEn: Record<NoticesMailTextKey, string> = {
  "change_announced.subject": "{organisationName}: {title}, from {effectiveFrom}",
  "change_announced.body": `Hello {firstName},

{portalName} informs you of a change that concerns {organisationName}{cite}:

{title}
Takes effect: {effectiveFrom}

{summary}

{body}

The notice and, where there is one, the letter to download are kept in the portal: {publicUrl}/avis`,

  "news_incident.subject": "{organisationName}: incident — {title}",
  "news_incident.body": `Hello {firstName},

{portalName} detected an incident on a service {organisationName} uses{cite}. You receive this message as a designated contact.

{title}
Published on {publishedOn}

{body}

The news and their follow-up are in the portal: {publicUrl}/actualites`,
  "change_signature_reminder.subject": "{organisationName}: new version to sign — {title}",
  "change_signature_reminder.body": `Hello {firstName},

The new version "{title}", announced on {announcedOn}, still awaits the signature of {organisationName}{cite}. It takes effect only once signed by both parties.

Sign it in the portal: {publicUrl}/avis`,
};

/** What each notices mail is rendered from. */
export interface NoticesMailParams {
  /** To the administrators and billing readers of a customer concerned by a change. */
  change_announced: {
    firstName: string;
    organisationName: string;
    title: string;
    /** The civil date, already written for the reader. */
    effectiveFrom: string;
    /** One sentence in the reader's language: the prices that move, the letter, the signature or the right to terminate. */
    summary: string;
    body: string;
  };
  /** An incident the provider detected (MCR 8.2.4), to a customer's named contacts. */
  news_incident: {
    firstName: string;
    organisationName: string;
    title: string;
    /** The civil date, already written for the reader. */
    publishedOn: string;
    body: string;
  };
  /** A new version awaiting the customer's signature (DSN 10.1), to its administrators. */
  change_signature_reminder: {
    firstName: string;
    organisationName: string;
    title: string;
    /** The civil date, already written for the reader. */
    announcedOn: string;
  };
}
