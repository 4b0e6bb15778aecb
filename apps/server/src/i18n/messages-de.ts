import type { MessageKey } from "./messages.js";

/**
 * The server's own texts in German (issue 23, GEN-01), partial: what a German-speaking customer
 * meets on the desk's journey and at sign-in — refusals, validation, sign-in, invitations. A key
 * left out reads in the next catalogue of the contract's fallback order (i18n/index.ts);
 * messages-de.test.ts lists those keys and refuses one the French lacks or a placeholder it has not.
 * Guichet's own noun for a ticket in German is "Anfrage", as "request" in the English texts.
 */
export const de: Partial<Record<MessageKey, string>> = {
  "clause.deployment_rule": "Regel des Betreibers",
  "error.validation_failed": "Die Anfrage ist ungültig: {detail}",
  "error.malformed_json": "Der Inhalt der Anfrage ist kein gültiges JSON: {detail}",
  "error.payload_too_large": "Der Inhalt der Anfrage überschreitet die zulässige Größe ({limit} Bytes).",
  "error.unsupported_media_type": "Inhaltstyp nicht akzeptiert: {detail}",
  "error.not_found": "Unter dieser Adresse gibt es nichts: {method} {url}",
  "error.unavailable": "Die Datenbank antwortet nicht; versuchen Sie es gleich noch einmal.",
  "error.internal": "Interner Fehler. Geben Sie Ihrem Administrator die Anfragekennung {requestId} an.",
  "error.bad_request": "Fehlerhafte Anfrage: {detail}",
  "error.rate_limited": "Zu viele Anfragen von dieser Adresse; versuchen Sie es in einer Minute erneut.",
  "error.resource_not_found": "Nicht gefunden oder für Sie nicht einsehbar: {what}.",
  "resource.organisation": "Organisation",
  "resource.invoice": "Rechnung",
  "resource.budget": "Budget",
  "resource.user": "Person",
  "resource.api_token": "API-Token",
  "resource.support_grant": "Supportzugang",
  "resource.ticket": "Anfrage",
  "invite.roles_do_not_fit": "Rollen, die in dieser Organisation nicht vergeben werden können: {roles}.",
  "revoke.last_administrator":
    "Sie sind der einzige Administrator Ihrer Organisation: Würden Sie Ihre Kennung widerrufen, könnte niemand mehr ihre Rechte verwalten. Laden Sie zuerst einen weiteren Administrator ein ({clause}).",
  "rights.last_administrator":
    "Abgelehnt: Damit verlöre der letzte Administrator der Organisation diese Rolle, und niemand könnte mehr ihre Rechte verwalten. Geben Sie die Rolle zuerst einer anderen Person ({clause}).",
  "rights.named_contact_elsewhere":
    "Ein benannter Kontakt wird mit seinen Kontaktdaten im Abschnitt „Benannte Kontakte“ hinzugefügt, im Rahmen des Plans ({clause}).",
  "revoke.reason_not_offered":
    "Der Vertrag sieht diesen Widerrufsgrund nicht vor; mögliche Gründe: {reasons} ({clause}).",
  "invite.role_not_offered": "Rollen, die der Vertrag Kunden nicht anbietet: {roles} ({clause}).",
  "invite.delegated_invitation_not_offered":
    "Der Vertrag sieht kein Recht zum Einladen vor: Nur Administratoren laden ein ({clause}).",
  "invite.named_contact_details_required":
    "Ein benannter Kontakt braucht Nachname, Vorname, Funktion, E-Mail, Telefon und Erreichbarkeitszeiten ({clause}).",
  "invite.identifier_exists": "Diese Adresse hat bereits eine Kennung: eine Kennung pro Person ({clause}).",
  "invite.identifier_limit": "Grenze erreicht: höchstens {limit} Kennungen pro Kunde ({clause}).",
  "invite.named_contact_limit":
    "Grenze erreicht: Der Plan {plan} erlaubt {limit} benannte Kontakte, und Sie haben {current} ({clause}).",
  "invite.named_contacts_not_offered":
    "Der Plan {plan} umfasst keine benannten Kontakte („N/A“ in der Planübersicht): Es kann keiner hinzugefügt werden ({clause}).",
  "access.token_expiry":
    "Das Ablaufdatum eines Tokens muss in der Zukunft und weniger als ein Jahr entfernt liegen.",
  "auth.unauthenticated": "Melden Sie sich an, um fortzufahren: Ihre Sitzung fehlt oder ist abgelaufen.",
  "auth.second_factor_required":
    "Geben Sie den Code aus Ihrer Authentifizierungs-App ein, um die Anmeldung abzuschliessen.",
  "auth.suspended":
    "Der Zugang Ihrer Organisation ist vom Anbieter gesperrt. Bei Fragen wenden Sie sich an {contact}.",
  "auth.csrf":
    "Anfrage abgelehnt: Fälschungsschutz-Token (CSRF) fehlt oder ist ungültig. Laden Sie die Seite neu.",
  "auth.forbidden": "Dazu sind Sie nicht berechtigt.",
  "auth.login_failed": "E-Mail-Adresse oder Passwort falsch.",
  "auth.throttled": "Zu viele Versuche von dieser Adresse: Versuchen Sie es in {seconds} s erneut.",
  "auth.link_invalid":
    "Dieser Link ist nicht mehr gültig (bereits verwendet oder abgelaufen). Fordern Sie einen neuen an.",
  "auth.password_too_weak":
    "Passwort zu schwach: Stufe {score}/4, der Vertrag verlangt mindestens {minimum}/4.",
  "auth.totp_invalid": "Falscher Authentifizierungscode.",
  "auth.totp_already": "Für dieses Konto ist bereits ein zweiter Faktor eingerichtet.",
  "desk.channel_closed":
    "Über diesen Kanal können Sie mit Ihrem Supportplan keine Anfrage eröffnen ({clause}).",
  "desk.not_named_contact": "Nur benannte Kontakte können Anfragen eröffnen ({clause}).",
  "desk.sender_not_allowed":
    "Eine Anfrage per E-Mail muss vom Administrator des Kundenkontos kommen ({clause}).",
  "desk.unknown_category": "Unbekannte Anfrageart ({clause}).",
  "desk.escalation_not_required": "Diese Anfrage wartet auf keine Eskalation über diesen Kanal ({clause}).",
  "desk.unknown_priority": "Diese Priorität ist keine der Stufen des Vertrags ({clause}).",
  "desk.category_out_of_scope": "Diese Anfrageart gehört nicht zu Ihrem Supportplan ({clause}).",
  "desk.item_not_covered": "Dieser Dienst ist nicht vom Support abgedeckt ({clause}).",
  "desk.service_required": "Geben Sie an, welcher Dienst betroffen ist ({clause}).",
  "desk.transition_forbidden": "Diese Statusänderung ist ab „{status}“ nicht möglich ({clause}).",
  "desk.ticket_closed":
    "Diese Anfrage ist geschlossen: Eröffnen Sie eine neue und nennen Sie darin ihre Referenz.",
  "desk.internal_note_customer": "Nur der Support schreibt interne Notizen.",
  "desk.same_priority": "Die Anfrage hat bereits die Priorität {priority}.",
  "desk.reason_required": "Geben Sie den Grund an.",
  "desk.idempotency_mismatch": "Dieser Idempotenzschlüssel wurde bereits für eine andere Anfrage verwendet.",
  "desk.priority_proposed":
    "Der Support schlägt vor, die Priorität von {from} auf {to} zu ändern: {reason}\nWenn Sie nicht einverstanden sind, begründen Sie die gewählte Priorität in Ihrer Antwort; der Support entscheidet abschließend ({clause}).",
  "desk.attachment_too_large": "Anhang „{file}“ ist zu groß: höchstens {max} MB.",
  "desk.attachment_empty": "Anhang „{file}“ ist leer.",
  "desk.attachment_type":
    "Dateityp für „{file}“ nicht akzeptiert: PDF, Bilder, Text, CSV, JSON, XML, E-Mail, ZIP oder Office-Dokumente.",
  "desk.attachment_content":
    "Der Inhalt von „{file}“ entspricht nicht seinem Typ; die Datei wurde nicht angehängt.",
  "desk.attachment_too_many": "Höchstens {max} Anhänge pro Nachricht.",
  "deskMail.auto_closed":
    "Automatisch geschlossen {days} Geschäftstage nach der Lösung, ohne Antwort von Ihnen.",
  "mailIn.unknown_sender":
    "Diese Adresse gehört zu keinem aktiven Konto des Portals: Nur Personen mit einer Kennung können dem Support schreiben.",
  "mailIn.suspended":
    "Der Zugang Ihrer Organisation ist gesperrt: Wenden Sie sich an Ihren gewohnten Ansprechpartner.",
  "mailIn.not_your_ticket": "Die genannte Referenz passt zu keiner Ihrer Anfragen.",
  "mailIn.no_reference":
    "Die Nachricht nennt keine Anfrage: Antworten Sie über das Portal oder behalten Sie die Referenz im Betreff.",
  "mailIn.subject_format": "Der Betreff muss „[Ihre Referenz] Beschreibung“ lauten ({clause}).",
  "mailIn.open_in_portal": "Sie können Ihre Anfragen unter {url} eröffnen oder verfolgen.",
  "mailIn.no_subject": "(kein Betreff)",
  "mailIn.files_left_out": "Nicht übernommene Anhänge:\n{files}",
};
