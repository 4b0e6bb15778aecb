import type { MailTextKey } from "./templates.js";

/**
 * Mails in German (issue 23, GEN-01), partial: what a German-speaking customer receives on
 * signing in and on the desk's journey. A mail without German here is written whole from the next
 * catalogue of the reader's fallback order (renderMail), never half in one language and half in
 * another. {der}, {Der} and {den} agree with the contract's German noun for a ticket ("der Fall",
 * "die Anfrage"); the sentences name it with its article, never with a possessive that would not.
 * templates-de.test.ts lists the mails still to translate and checks the placeholders.
 */
export const de: Partial<Record<MailTextKey, string>> = {
  "invitation.subject": "Einladung zu {portalName}",
  "invitation.body": `Guten Tag {firstName}

Für {organisationName} wurde Ihnen ein Zugang zu {portalName} eingerichtet. Um ihn zu aktivieren, wählen Sie Ihr Passwort über diesen Link:

{link}

Dieser Link ist persönlich, funktioniert nur einmal und läuft am {expiresAt} ab{cite}. Danach bitten Sie Ihren Administrator um eine neue Einladung.

Falls Sie diese Nachricht nicht erwartet haben, ignorieren Sie sie: Ohne Sie wird nichts aktiviert.`,

  "password_reset.subject": "Ihr Passwort für {portalName} zurücksetzen",
  "password_reset.body": `Guten Tag {firstName}

Für Ihr Konto bei {portalName} wurde das Zurücksetzen des Passworts angefordert. Um ein neues Passwort zu wählen, folgen Sie diesem Link:

{link}

Dieser Link funktioniert nur einmal und läuft am {expiresAt} ab{cite}.

Falls Sie das nicht angefordert haben, ignorieren Sie diese Nachricht: Ihr bisheriges Passwort gilt weiter.`,

  "ticket_acknowledged.subject": "[{reference}] {Ticket} eingegangen: {title}",
  "ticket_acknowledged.body": `Guten Tag {firstName}

{Der} {ticket} ist unter der Referenz {reference} erfasst{cite}.

{title}{leftOut}

Sie können {den} {ticket} unter {link} verfolgen, ergänzen oder uns antworten, oder indem Sie auf diese Nachricht antworten, ohne den Betreff zu ändern.`,

  "ticket_message.subject": "[{reference}] Neue Antwort: {title}",
  "ticket_message.body": `Guten Tag {firstName}

{author} hat auf {den} {ticket} {reference} geantwortet{cite}:

{message}

Um zu antworten, antworten Sie auf diese Nachricht, ohne den Betreff zu ändern, oder gehen Sie auf {link}.`,

  "ticket_info_requested.subject": "[{reference}] Angaben benötigt: {title}",
  "ticket_info_requested.body": `Guten Tag {firstName}

Um {den} {ticket} {reference} zu bearbeiten, benötigen wir folgende Angaben{cite}:

{message}

Antworten Sie einfach auf diese Nachricht, ohne den Betreff zu ändern: Ihre Antwort wird {dem} {ticket} zugeordnet. Sie können auch unter {link} antworten.`,

  "ticket_taken.subject": "[{reference}] {Ticket} in Bearbeitung: {title}",
  "ticket_taken.body": `Guten Tag {firstName}

Der Support hat {den} {ticket} {reference} übernommen: Der Status ist jetzt „{status}“{cite}.{message}

Sie können {den} {ticket} unter {link} verfolgen oder uns antworten, indem Sie auf diese Nachricht antworten, ohne den Betreff zu ändern.`,

  "ticket_resumed.subject": "[{reference}] Bearbeitung wieder aufgenommen: {title}",
  "ticket_resumed.body": `Guten Tag {firstName}

Der Support bearbeitet {den} zurückgestellten {ticket} {reference} wieder: Der Status ist jetzt „{status}“{cite}.{message}

Sie können {den} {ticket} unter {link} verfolgen.`,

  "ticket_reopened.subject": "[{reference}] {Ticket} wieder eröffnet: {title}",
  "ticket_reopened.body": `Guten Tag {firstName}

{Der} {ticket} {reference} ist wieder eröffnet: Der Status ist jetzt „{status}“{cite}.{message}

Sie können {den} {ticket} unter {link} verfolgen.`,

  "ticket_resolved.subject": "[{reference}] {Ticket} gelöst: {title}",
  "ticket_resolved.body": `Guten Tag {firstName}

{Der} {ticket} {reference} ist gelöst{cite}.

{message}

Wenn die Lösung für Sie passt, bestätigen Sie sie unter {link}; andernfalls eröffnen Sie {den} {ticket} auf derselben Seite oder mit einer Antwort auf diese Nachricht wieder. Ohne Antwort von Ihnen wird {der} {ticket} am {autoCloseAt} automatisch geschlossen.`,

  "ticket_closed.subject": "[{reference}] {Ticket} geschlossen: {title}",
  "ticket_closed.body": `Guten Tag {firstName}

{Der} {ticket} {reference} ist geschlossen{cite}.

{reason}

Die Einzelheiten bleiben unter {link} einsehbar.`,

  footer: `-- 
{portalName}
{publicUrl}`,
};
