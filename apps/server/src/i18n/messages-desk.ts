/** The service desk's refusals and labels, French first (merged into messages.ts). */
export const deskFr = {
  "desk.channel_closed": "Ce canal n'ouvre pas de demande pour votre offre de support ({clause}).",
  "desk.not_named_contact": "Seuls les contacts nommés peuvent ouvrir une demande ({clause}).",
  "desk.sender_not_allowed":
    "Une demande par e-mail doit venir de l'administrateur du compte client ({clause}).",
  "desk.unknown_category": "Type de demande inconnu ({clause}).",
  "desk.escalation_not_required": "Cette demande n'attend pas d'escalade par ce canal ({clause}).",
  "desk.unknown_priority": "Cette priorité n'est pas l'un des niveaux du contrat ({clause}).",
  "desk.category_out_of_scope": "Ce type de demande ne relève pas de votre offre de support ({clause}).",
  "desk.item_not_covered": "Ce service ne relève pas du support ({clause}).",
  "desk.item_not_subscribed": "Vous ne pouvez signaler que sur un e-service souscrit ({clause}).",
  "desk.service_required": "Indiquez le service concerné ({clause}).",
  "desk.phone_needs_ticket": "Un appel se rattache à une demande existante ({clause}).",
  "desk.transition_forbidden": "Ce changement de statut n'est pas possible depuis « {status} » ({clause}).",
  "desk.ticket_closed": "Cette demande est close : ouvrez-en une nouvelle en citant sa référence.",
  "desk.contact_email_not_offered":
    "Le contrat de ce portail ne prévoit pas de demande d'informations par e-mail : pas d'adresse de contact sur une demande.",
  "desk.internal_note_customer": "Seul le support écrit des notes internes.",
  "desk.not_provider_staff": "La personne assignée doit faire partie de l'équipe du prestataire.",
  "desk.no_priority_dispute": "Le contrat ne prévoit pas de contestation de priorité.",
  "desk.same_priority": "La demande a déjà la priorité {priority}.",
  "desk.reason_required": "Indiquez le motif.",
  "desk.unknown_out_of_scope_reason": "Motif hors périmètre inconnu : {reason}.",
  "desk.idempotency_mismatch": "Cette clé d'idempotence a déjà servi pour une autre demande.",
  "desk.priority_proposed":
    "Le support propose de passer la priorité de {from} à {to} : {reason}\nSi vous n'êtes pas d'accord, justifiez la priorité choisie en répondant ; le support décide en dernier ressort ({clause}).",
  "desk.attachment_too_large": "Pièce jointe « {file} » trop volumineuse : {max} Mo au plus.",
  "desk.attachment_empty": "Pièce jointe « {file} » vide.",
  "desk.attachment_type":
    "Type de fichier non accepté pour « {file} » : PDF, images, texte, CSV, JSON, XML, e-mail, ZIP ou documents bureautiques.",
  "desk.attachment_content": "Le contenu de « {file} » ne correspond pas à son type ; il n'a pas été joint.",
  "desk.attachment_too_many": "{max} pièces jointes au plus par message.",
  "desk.multipart_expected": "Envoyez les fichiers en multipart/form-data.",
  "deskMail.auto_closed":
    "Close automatiquement {days} jours ouvrés après sa résolution, sans réponse de votre part.",
  "mailIn.unknown_sender":
    "Cette adresse n'est celle d'aucun compte actif du portail : seules les personnes ayant un identifiant peuvent écrire au support.",
  "mailIn.suspended": "L'accès de votre organisation est suspendu : contactez votre interlocuteur habituel.",
  "mailIn.not_your_ticket": "La référence citée ne correspond à aucune de vos demandes.",
  "mailIn.no_reference":
    "Le message ne cite aucune demande : répondez depuis le portail ou en gardant la référence dans l'objet.",
  "mailIn.subject_format": "L'objet doit suivre la forme « [votre référence] description » ({clause}).",
  "mailIn.open_in_portal": "Vous pouvez ouvrir ou suivre vos demandes sur {url}.",
  "mailIn.no_subject": "(sans objet)",
  "mailIn.files_left_out": "Pièces jointes non retenues :\n{files}",
} as const;

export type DeskMessageKey = keyof typeof deskFr;

export const deskEn: Record<DeskMessageKey, string> = {
  "desk.channel_closed": "This channel does not open requests for your support plan ({clause}).",
  "desk.not_named_contact": "Only named contacts may open requests ({clause}).",
  "desk.sender_not_allowed":
    "A request by e-mail must come from the customer account's administrator ({clause}).",
  "desk.unknown_category": "Unknown request type ({clause}).",
  "desk.escalation_not_required": "This request awaits no escalation by this channel ({clause}).",
  "desk.unknown_priority": "This priority is not one of the contract's levels ({clause}).",
  "desk.category_out_of_scope": "This type of request is outside your support plan ({clause}).",
  "desk.item_not_covered": "This service is not covered by support ({clause}).",
  "desk.item_not_subscribed": "You may only report about an e-service you subscribe to ({clause}).",
  "desk.service_required": "Say which service is concerned ({clause}).",
  "desk.phone_needs_ticket": "A call joins an existing request ({clause}).",
  "desk.transition_forbidden": 'This status change is not possible from "{status}" ({clause}).',
  "desk.ticket_closed": "This request is closed: open a new one quoting its reference.",
  "desk.contact_email_not_offered":
    "This portal's contract provides no request for information by e-mail: no contact address on a request.",
  "desk.internal_note_customer": "Only support writes internal notes.",
  "desk.not_provider_staff": "The assignee must belong to the provider's team.",
  "desk.no_priority_dispute": "The contract provides no priority dispute.",
  "desk.same_priority": "The request already has priority {priority}.",
  "desk.reason_required": "Give the reason.",
  "desk.unknown_out_of_scope_reason": "Unknown out-of-scope reason: {reason}.",
  "desk.idempotency_mismatch": "This idempotency key was already used for another request.",
  "desk.priority_proposed":
    "Support proposes to change the priority from {from} to {to}: {reason}\nIf you disagree, justify the priority you chose by replying; support decides last ({clause}).",
  "desk.attachment_too_large": 'Attachment "{file}" is too large: {max} MB at most.',
  "desk.attachment_empty": 'Attachment "{file}" is empty.',
  "desk.attachment_type":
    'File type not accepted for "{file}": PDF, images, text, CSV, JSON, XML, e-mail, ZIP or office documents.',
  "desk.attachment_content": 'The content of "{file}" does not match its type; it was not attached.',
  "desk.attachment_too_many": "At most {max} attachments per message.",
  "desk.multipart_expected": "Send the files as multipart/form-data.",
  "deskMail.auto_closed":
    "Closed automatically {days} business days after its resolution, without an answer from you.",
  "mailIn.unknown_sender":
    "This address belongs to no active account of the portal: only people with an identifier may write to support.",
  "mailIn.suspended": "Your organisation's access is suspended: contact your usual correspondent.",
  "mailIn.not_your_ticket": "The reference quoted matches none of your requests.",
  "mailIn.no_reference":
    "The message quotes no request: answer from the portal or keep the reference in the subject.",
  "mailIn.subject_format": 'The subject must read "[your reference] description" ({clause}).',
  "mailIn.open_in_portal": "You can open or follow your requests at {url}.",
  "mailIn.no_subject": "(no subject)",
  "mailIn.files_left_out": "Attachments left out:\n{files}",
};
