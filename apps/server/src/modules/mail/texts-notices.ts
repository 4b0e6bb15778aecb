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
}
