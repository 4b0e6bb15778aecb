/**
 * Mails of the service desk (MCR-SUP-03, MCR-SUP-10, DSN-SUP-02..05), merged into templates.ts.
 * Subjects carry the ticket reference in brackets, so a reply finds its ticket (MCR-SUP-03,
 * DSN-SUP-03) and mail clients thread them with In-Reply-To/References.
 */
export const deskFr = {
  "ticket_acknowledged.subject": "[{reference}] {Ticket} enregistré{e} : {title}",
  "ticket_acknowledged.body": `Bonjour {firstName},

Votre {ticket} est enregistré{e} sous la référence {reference}{cite}.

{title}{leftOut}

Vous pouvez {le} suivre, {le} compléter ou nous répondre sur {link}, ou en répondant à ce message sans en modifier l'objet.`,

  "ticket_message.subject": "[{reference}] Nouvelle réponse : {title}",
  "ticket_message.body": `Bonjour {firstName},

{author} a répondu à votre {ticket} {reference}{cite} :

{message}

Pour répondre, répondez à ce message sans en modifier l'objet, ou rendez-vous sur {link}.`,

  "ticket_info_requested.subject": "[{reference}] Informations demandées : {title}",
  "ticket_info_requested.body": `Bonjour {firstName},

Pour traiter votre {ticket} {reference}, nous avons besoin des informations suivantes{cite} :

{message}

Répondez simplement à ce message sans en modifier l'objet : votre réponse sera jointe {ala}{ticket}. Vous pouvez aussi répondre sur {link}.`,

  "ticket_taken.subject": "[{reference}] {Ticket} pris{e} en charge : {title}",
  "ticket_taken.body": `Bonjour {firstName},

Votre {ticket} {reference} est pris{e} en charge par le support : son statut est maintenant « {status} »{cite}.{message}

Vous pouvez {le} suivre sur {link}, ou nous répondre en répondant à ce message sans en modifier l'objet.`,

  "ticket_resumed.subject": "[{reference}] Traitement repris : {title}",
  "ticket_resumed.body": `Bonjour {firstName},

Le support reprend le traitement de votre {ticket} {reference}, qui était en attente : son statut est maintenant « {status} »{cite}.{message}

Vous pouvez {le} suivre sur {link}.`,

  "ticket_reopened.subject": "[{reference}] {Ticket} rouvert{e} : {title}",
  "ticket_reopened.body": `Bonjour {firstName},

Votre {ticket} {reference} est rouvert{e} : son statut est maintenant « {status} »{cite}.{message}

Vous pouvez {le} suivre sur {link}.`,

  "ticket_resolved.subject": "[{reference}] {Ticket} résolu{e} : {title}",
  "ticket_resolved.body": `Bonjour {firstName},

Votre {ticket} {reference} est résolu{e}{cite}.

{message}

Si la solution vous convient, confirmez-la sur {link} ; sinon, rouvrez {la}{ticket} depuis la même page ou en répondant à ce message. Sans réponse de votre part, {elle} sera clos{e} automatiquement le {autoCloseAt}.`,

  "ticket_resolution_report.subject": "[{reference}] Compte-rendu de résolution : {title}",
  "ticket_resolution_report.body": `Bonjour,

Votre {ticket} {reference} a été traité{e}{cite}. Compte-rendu de résolution :

{message}

Le détail {dela}{ticket} reste consultable sur {link}.`,

  "ticket_closed.subject": "[{reference}] {Ticket} clos{e} : {title}",
  "ticket_closed.body": `Bonjour {firstName},

Votre {ticket} {reference} est clos{e}{cite}.

{reason}

Le détail reste consultable sur {link}.`,

  "ticket_refused.subject": "Votre message n'a pas ouvert {de}{ticket} : {originalSubject}",
  "ticket_refused.body": `Bonjour,

Votre message « {originalSubject} » n'a pas pu être enregistré{cite}.

{reason}

{instructions}`,

  "sla_warning.subject": "[{reference}] {threshold} % du délai consommé : {title}",
  "sla_warning.body": `Bonjour,

{La}{ticket} {reference} de {organisationName} ({priority}) a consommé {threshold} % de son délai de {metric}{cite}.

Échéance : {dueAt}

{link}`,
} as const;

export type DeskMailTextKey = keyof typeof deskFr;

export const deskEn: Record<DeskMailTextKey, string> = {
  "ticket_acknowledged.subject": "[{reference}] {Ticket} received: {title}",
  "ticket_acknowledged.body": `Hello {firstName},

Your {ticket} is registered under the reference {reference}{cite}.

{title}{leftOut}

You can follow it, add to it or answer us at {link}, or by replying to this message without changing its subject.`,

  "ticket_message.subject": "[{reference}] New reply: {title}",
  "ticket_message.body": `Hello {firstName},

{author} replied to your {ticket} {reference}{cite}:

{message}

To answer, reply to this message without changing its subject, or go to {link}.`,

  "ticket_info_requested.subject": "[{reference}] Information requested: {title}",
  "ticket_info_requested.body": `Hello {firstName},

To handle your {ticket} {reference}, we need the following information{cite}:

{message}

Just reply to this message without changing its subject: your answer will join the {ticket}. You can also answer at {link}.`,

  "ticket_taken.subject": "[{reference}] {Ticket} taken in hand: {title}",
  "ticket_taken.body": `Hello {firstName},

Support has taken your {ticket} {reference} in hand: its status is now "{status}"{cite}.{message}

You can follow it at {link}, or answer us by replying to this message without changing its subject.`,

  "ticket_resumed.subject": "[{reference}] Handling resumed: {title}",
  "ticket_resumed.body": `Hello {firstName},

Support is resuming work on your {ticket} {reference}, which was on hold: its status is now "{status}"{cite}.{message}

You can follow it at {link}.`,

  "ticket_reopened.subject": "[{reference}] {Ticket} reopened: {title}",
  "ticket_reopened.body": `Hello {firstName},

Your {ticket} {reference} is reopened: its status is now "{status}"{cite}.{message}

You can follow it at {link}.`,

  "ticket_resolved.subject": "[{reference}] {Ticket} resolved: {title}",
  "ticket_resolved.body": `Hello {firstName},

Your {ticket} {reference} is resolved{cite}.

{message}

If the solution suits you, confirm it at {link}; otherwise reopen the {ticket} from the same page or by replying to this message. Without an answer from you, it will close by itself on {autoCloseAt}.`,

  "ticket_resolution_report.subject": "[{reference}] Resolution report: {title}",
  "ticket_resolution_report.body": `Hello,

Your {ticket} {reference} has been handled{cite}. Resolution report:

{message}

The {ticket}'s details remain available at {link}.`,

  "ticket_closed.subject": "[{reference}] {Ticket} closed: {title}",
  "ticket_closed.body": `Hello {firstName},

Your {ticket} {reference} is closed{cite}.

{reason}

Its details remain available at {link}.`,

  "ticket_refused.subject": "Your message did not open a {ticket}: {originalSubject}",
  "ticket_refused.body": `Hello,

Your message "{originalSubject}" could not be registered{cite}.

{reason}

{instructions}`,

  "sla_warning.subject": "[{reference}] {threshold}% of the target used: {title}",
  "sla_warning.body": `Hello,

The {ticket} {reference} of {organisationName} ({priority}) has used {threshold}% of its {metric} target{cite}.

Due: {dueAt}

{link}`,
};

type Ticketed = { reference: string; title: string; link: string };

/** What each desk mail is rendered from. */
export interface DeskMailParams {
  /** On deposit, with the reference (DSN-SUP-02; MCR-SUP-10 "informed by e-mail"). */
  ticket_acknowledged: Ticketed & {
    firstName: string;
    /** "" or, after a blank line, the mail's files left out and why (issue 14). */
    leftOut: string;
  };
  /** A public answer from support. */
  ticket_message: Ticketed & { firstName: string; author: string; message: string };
  /** Support asks for more; the answer by mail joins the ticket (DSN-SUP-03). */
  ticket_info_requested: Ticketed & { firstName: string; message: string };
  /**
   * The handling status changed (MCR 8.4 "le Client est informé par email du statut de traitement",
   * the contract's emailNotifications.statusChanged; issue 14): support took the ticket, resumed it
   * after On hold, or it was reopened. `status` is the contract's label in the reader's language;
   * `message` is "" or, after a blank line, what came with the change.
   */
  ticket_taken: Ticketed & { firstName: string; status: string; message: string };
  ticket_resumed: Ticketed & { firstName: string; status: string; message: string };
  ticket_reopened: Ticketed & { firstName: string; status: string; message: string };
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
