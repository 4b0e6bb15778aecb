/**
 * Mails of the service desk (MCR-SUP-03, MCR-SUP-10, DSN-SUP-02..05), merged into templates.ts.
 * Subjects carry the ticket reference in brackets, so a reply finds its ticket (MCR-SUP-03,
 * DSN-SUP-03) and mail clients thread them with In-Reply-To/References.
 */
export const deskFr = {
  "ticket_acknowledged.subject": "[{reference}] Demande enregistrée : {title}",
  "ticket_acknowledged.body": `Bonjour {firstName},

Votre demande est enregistrée sous la référence {reference}{cite}.

{title}

Vous pouvez la suivre, la compléter ou nous répondre sur {link}, ou en répondant à ce message sans en modifier l'objet.`,

  "ticket_message.subject": "[{reference}] Nouvelle réponse : {title}",
  "ticket_message.body": `Bonjour {firstName},

{author} a répondu à votre demande {reference}{cite} :

{message}

Pour répondre, répondez à ce message sans en modifier l'objet, ou rendez-vous sur {link}.`,

  "ticket_info_requested.subject": "[{reference}] Informations demandées : {title}",
  "ticket_info_requested.body": `Bonjour {firstName},

Pour traiter votre demande {reference}, nous avons besoin des informations suivantes{cite} :

{message}

Répondez simplement à ce message sans en modifier l'objet : votre réponse sera jointe à la demande. Vous pouvez aussi répondre sur {link}.`,

  "ticket_resolved.subject": "[{reference}] Demande résolue : {title}",
  "ticket_resolved.body": `Bonjour {firstName},

Votre demande {reference} est résolue{cite}.

{message}

Si la solution vous convient, confirmez-la sur {link} ; sinon, rouvrez la demande depuis la même page ou en répondant à ce message. Sans réponse de votre part, elle sera close automatiquement le {autoCloseAt}.`,

  "ticket_resolution_report.subject": "[{reference}] Compte-rendu de résolution : {title}",
  "ticket_resolution_report.body": `Bonjour,

Votre signalisation {reference} a été traitée{cite}. Compte-rendu de résolution :

{message}

Le détail de la signalisation reste consultable sur {link}.`,

  "ticket_closed.subject": "[{reference}] Demande close : {title}",
  "ticket_closed.body": `Bonjour {firstName},

Votre demande {reference} est close{cite}.

{reason}

Le détail reste consultable sur {link}.`,

  "ticket_refused.subject": "Votre message n'a pas ouvert de demande : {originalSubject}",
  "ticket_refused.body": `Bonjour,

Votre message « {originalSubject} » n'a pas pu être enregistré{cite}.

{reason}

{instructions}`,

  "sla_warning.subject": "[{reference}] {threshold} % du délai consommé : {title}",
  "sla_warning.body": `Bonjour,

La demande {reference} de {organisationName} ({priority}) a consommé {threshold} % de son délai de {metric}{cite}.

Échéance : {dueAt}

{link}`,
} as const;

export type DeskMailTextKey = keyof typeof deskFr;

export const deskEn: Record<DeskMailTextKey, string> = {
  "ticket_acknowledged.subject": "[{reference}] Request received: {title}",
  "ticket_acknowledged.body": `Hello {firstName},

Your request is registered under the reference {reference}{cite}.

{title}

You can follow it, add to it or answer us at {link}, or by replying to this message without changing its subject.`,

  "ticket_message.subject": "[{reference}] New reply: {title}",
  "ticket_message.body": `Hello {firstName},

{author} replied to your request {reference}{cite}:

{message}

To answer, reply to this message without changing its subject, or go to {link}.`,

  "ticket_info_requested.subject": "[{reference}] Information requested: {title}",
  "ticket_info_requested.body": `Hello {firstName},

To handle your request {reference}, we need the following information{cite}:

{message}

Just reply to this message without changing its subject: your answer will join the request. You can also answer at {link}.`,

  "ticket_resolved.subject": "[{reference}] Request resolved: {title}",
  "ticket_resolved.body": `Hello {firstName},

Your request {reference} is resolved{cite}.

{message}

If the solution suits you, confirm it at {link}; otherwise reopen the request from the same page or by replying to this message. Without an answer from you, it will close by itself on {autoCloseAt}.`,

  "ticket_resolution_report.subject": "[{reference}] Resolution report: {title}",
  "ticket_resolution_report.body": `Hello,

Your report {reference} has been handled{cite}. Resolution report:

{message}

The report's details remain available at {link}.`,

  "ticket_closed.subject": "[{reference}] Request closed: {title}",
  "ticket_closed.body": `Hello {firstName},

Your request {reference} is closed{cite}.

{reason}

Its details remain available at {link}.`,

  "ticket_refused.subject": "Your message did not open a request: {originalSubject}",
  "ticket_refused.body": `Hello,

Your message "{originalSubject}" could not be registered{cite}.

{reason}

{instructions}`,

  "sla_warning.subject": "[{reference}] {threshold}% of the target used: {title}",
  "sla_warning.body": `Hello,

Request {reference} of {organisationName} ({priority}) has used {threshold}% of its {metric} target{cite}.

Due: {dueAt}

{link}`,
};

type Ticketed = { reference: string; title: string; link: string };

/** What each desk mail is rendered from. */
export interface DeskMailParams {
  /** On deposit, with the reference (DSN-SUP-02; MCR-SUP-10 "informed by e-mail"). */
  ticket_acknowledged: Ticketed & { firstName: string };
  /** A public answer from support. */
  ticket_message: Ticketed & { firstName: string; author: string; message: string };
  /** Support asks for more; the answer by mail joins the ticket (DSN-SUP-03). */
  ticket_info_requested: Ticketed & { firstName: string; message: string };
  /** Resolved: confirm or reopen, else closed automatically (MCR-SUP-10). */
  ticket_resolved: Ticketed & { firstName: string; message: string; autoCloseAt: Date };
  /** The resolution report (DSN-SUP-05). */
  ticket_resolution_report: Ticketed & { message: string };
  ticket_closed: Ticketed & { firstName: string; reason: string };
  /** A mail that could not open or join a ticket, and what to do instead. */
  ticket_refused: { originalSubject: string; reason: string; instructions: string };
  /** An SLA threshold crossed, to the assignee or the support team. */
  sla_warning: Ticketed & {
    organisationName: string;
    priority: string;
    threshold: string;
    metric: string;
    dueAt: Date;
  };
}
