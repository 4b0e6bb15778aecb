/**
 * Server-side texts people read (API error messages, e-mails later), French first.
 * The English table must have exactly the French keys: the type checks it.
 */
import { billingEn, billingFr } from "./messages-billing.js";
import { commercialEn, commercialFr } from "./messages-commercial.js";
import { commitmentsEn, commitmentsFr } from "./messages-commitments.js";
import { deskEn, deskFr } from "./messages-desk.js";
import { maintenanceEn, maintenanceFr } from "./messages-maintenance.js";
import { newsEn, newsFr } from "./messages-news.js";
import { noticesEn, noticesFr } from "./messages-notices.js";
import { ordersEn, ordersFr } from "./messages-orders.js";
import { securityEn, securityFr } from "./messages-security.js";

export const fr = {
  ...billingFr,
  ...commitmentsFr,
  ...commercialFr,
  ...ordersFr,
  ...deskFr,
  ...maintenanceFr,
  ...noticesFr,
  ...securityFr,
  ...newsFr,
  "clause.deployment_rule": "règle du déploiement",
  "error.validation_failed": "La requête est invalide : {detail}",
  "error.malformed_json": "Le corps de la requête n'est pas un JSON valide : {detail}",
  "error.payload_too_large": "Le corps de la requête dépasse la taille autorisée ({limit} octets).",
  "error.unsupported_media_type": "Type de contenu non accepté : {detail}",
  "error.not_found": "Aucune ressource à cette adresse : {method} {url}",
  "error.unavailable": "La base de données ne répond pas ; réessayez dans un instant.",
  "operations.backup_needs_url":
    "Ce serveur ne connaît pas l'adresse de sa base PostgreSQL (DATABASE_URL) : faites la sauvegarde avec « guichet backup ».",
  "error.internal":
    "Erreur interne. Communiquez l'identifiant de requête {requestId} à votre administrateur.",
  "error.bad_request": "Requête invalide : {detail}",
  "error.rate_limited": "Trop de requêtes depuis cette adresse ; réessayez dans une minute.",
  "error.resource_not_found": "Introuvable ou inaccessible : {what}.",
  "resource.organisation": "organisation",
  "resource.invoice": "facture",
  "resource.budget": "budget",
  "resource.user": "personne",
  "resource.api_token": "jeton d'API",
  "resource.support_grant": "accès d'assistance",
  "resource.ticket": "demande",
  "invite.roles_do_not_fit": "Rôles non attribuables dans cette organisation : {roles}.",
  "revoke.last_administrator":
    "Vous êtes le seul administrateur de votre organisation : révoquer votre identifiant la laisserait sans personne pour gérer ses droits. Invitez d'abord un autre administrateur ({clause}).",
  "rights.last_administrator":
    "Refusé : ce serait retirer le rôle d'administrateur au dernier administrateur de l'organisation, qui resterait sans personne pour gérer ses droits. Donnez d'abord ce rôle à une autre personne ({clause}).",
  "rights.named_contact_elsewhere":
    "Un contact nommé s'ajoute avec ses coordonnées dans la section « Contacts nommés », dans la limite de l'offre ({clause}).",
  "revoke.reason_not_offered":
    "Motif de révocation non prévu par le contrat ; motifs possibles : {reasons} ({clause}).",
  "staff.last_administrator":
    "Refusé : ce serait retirer le dernier administrateur du fournisseur. Nommez d'abord un autre administrateur.",
  "staff.invite_refused": "Invitation refusée : vérifiez les rôles du fournisseur choisis.",
  "staff.reset_own_second_factor":
    "Vous ne pouvez pas réinitialiser votre propre second facteur : demandez-le à un autre administrateur.",
  "invite.role_not_offered": "Rôles que le contrat n'offre pas aux clients : {roles} ({clause}).",
  "invite.delegated_invitation_not_offered":
    "Le contrat ne prévoit pas de donner le droit d'inviter : seuls les administrateurs invitent ({clause}).",
  "invite.named_contact_details_required":
    "Un contact nommé doit avoir nom, prénom, fonction, e-mail, téléphone et horaires de disponibilité ({clause}).",
  "invite.identifier_exists":
    "Cette adresse a déjà un identifiant : un seul identifiant par personne ({clause}).",
  "invite.identifier_limit": "Limite atteinte : {limit} identifiants au plus par opérateur ({clause}).",
  "invite.named_contact_limit":
    "Limite atteinte : l'offre {plan} permet {limit} contacts nommés et vous en avez {current} ({clause}).",
  "invite.named_contacts_not_offered":
    "L'offre {plan} ne comprend pas de contacts nommés (« N/A » au tableau des offres) : aucun ne peut être ajouté ({clause}).",
  "access.token_expiry": "La date d'expiration d'un jeton doit être dans l'avenir et à moins d'un an.",
  "access.grants_not_in_contract":
    "Le contrat de ce portail ne prévoit pas d'inviter le support dans l'espace du client.",
  "access.agent_not_found": "Aucun agent actif du fournisseur n'a cette adresse e-mail.",
  "access.expiry_not_in_future": "La date de fin de l'accès doit être dans l'avenir.",
  "access.expiry_beyond_limit": "L'accès du support est temporaire : {duration} au plus ({clause}).",
  "auth.unauthenticated": "Connectez-vous pour continuer : votre session est absente ou a expiré.",
  "auth.second_factor_required":
    "Saisissez le code de votre application d'authentification pour terminer la connexion.",
  "auth.suspended":
    "L'accès de votre organisation est suspendu par le fournisseur. Pour toute question, contactez {contact}.",
  "auth.csrf": "Requête refusée : jeton anti-falsification (CSRF) absent ou invalide. Rechargez la page.",
  "auth.forbidden": "Vous n'avez pas le droit de faire cela.",
  "auth.login_failed": "Adresse e-mail ou mot de passe incorrect.",
  "auth.throttled": "Trop d'essais depuis cette adresse : réessayez dans {seconds} s.",
  "auth.link_invalid": "Ce lien n'est plus valable (déjà utilisé ou expiré). Demandez-en un nouveau.",
  "auth.password_too_weak":
    "Mot de passe trop faible : niveau {score}/4, le contrat exige au moins {minimum}/4.",
  "auth.totp_invalid": "Code d'authentification incorrect.",
  "auth.totp_already": "Un second facteur est déjà enregistré pour ce compte.",
} as const;

export type MessageKey = keyof typeof fr;

export const en: Record<MessageKey, string> = {
  ...billingEn,
  ...commitmentsEn,
  ...commercialEn,
  ...ordersEn,
  ...noticesEn,
  ...securityEn,
  ...newsEn,
  ...deskEn,
  ...maintenanceEn,
  "clause.deployment_rule": "deployment rule",
  "error.validation_failed": "The request is invalid: {detail}",
  "error.malformed_json": "The request body is not valid JSON: {detail}",
  "error.payload_too_large": "The request body exceeds the size limit ({limit} bytes).",
  "error.unsupported_media_type": "Content type not accepted: {detail}",
  "error.not_found": "Nothing at this address: {method} {url}",
  "error.unavailable": "The database does not answer; try again in a moment.",
  "operations.backup_needs_url":
    'This server does not know its PostgreSQL database\'s address (DATABASE_URL): back it up with "guichet backup".',
  "error.internal": "Internal error. Give the request id {requestId} to your administrator.",
  "error.bad_request": "Bad request: {detail}",
  "error.rate_limited": "Too many requests from this address; try again in a minute.",
  "error.resource_not_found": "Not found or not yours to see: {what}.",
  "resource.organisation": "organisation",
  "resource.invoice": "invoice",
  "resource.budget": "budget",
  "resource.user": "person",
  "resource.api_token": "API token",
  "resource.support_grant": "support access",
  "resource.ticket": "request",
  "invite.roles_do_not_fit": "Roles that cannot be given in this organisation: {roles}.",
  "revoke.last_administrator":
    "You are your organisation's only administrator: revoking your identifier would leave no one to manage its rights. Invite another administrator first ({clause}).",
  "rights.last_administrator":
    "Refused: this would take the administrator role from the organisation's last administrator, leaving no one to manage its rights. Give the role to someone else first ({clause}).",
  "rights.named_contact_elsewhere":
    'A named contact is added with their details in the "Named contacts" section, within the plan\'s limit ({clause}).',
  "revoke.reason_not_offered":
    "Revocation reason not given by the contract; possible reasons: {reasons} ({clause}).",
  "staff.last_administrator":
    "Refused: this would take away the provider's last administrator. Make someone else administrator first.",
  "staff.invite_refused": "Invitation refused: check the provider roles chosen.",
  "staff.reset_own_second_factor": "You cannot reset your own second factor: ask another administrator.",
  "invite.role_not_offered": "Roles the contract does not offer customers: {roles} ({clause}).",
  "invite.delegated_invitation_not_offered":
    "The contract gives no right to invite: only administrators invite ({clause}).",
  "invite.named_contact_details_required":
    "A named contact needs last name, first name, job title, e-mail, phone and availability hours ({clause}).",
  "invite.identifier_exists": "This address already has an identifier: one identifier per person ({clause}).",
  "invite.identifier_limit": "Limit reached: at most {limit} identifiers per operator ({clause}).",
  "invite.named_contact_limit":
    "Limit reached: the {plan} plan allows {limit} named contacts and you have {current} ({clause}).",
  "invite.named_contacts_not_offered":
    'The {plan} plan has no named contacts ("N/A" in the plans\' table): none can be added ({clause}).',
  "access.token_expiry": "A token's expiry must be in the future and less than a year away.",
  "access.grants_not_in_contract":
    "This portal's contract provides no support access into a customer's space.",
  "access.agent_not_found": "No active provider agent has this e-mail address.",
  "access.expiry_not_in_future": "The access's end date must be in the future.",
  "access.expiry_beyond_limit": "Support access is temporary: {duration} at most ({clause}).",
  "auth.unauthenticated": "Sign in to continue: your session is missing or has expired.",
  "auth.second_factor_required": "Enter the code from your authenticator app to finish signing in.",
  "auth.suspended":
    "Your organisation's access is suspended by the provider. For any question, contact {contact}.",
  "auth.csrf": "Request refused: anti-forgery (CSRF) token missing or invalid. Reload the page.",
  "auth.forbidden": "You are not allowed to do this.",
  "auth.login_failed": "Wrong e-mail address or password.",
  "auth.throttled": "Too many tries from this address: try again in {seconds} s.",
  "auth.link_invalid": "This link is no longer valid (already used or expired). Ask for a new one.",
  "auth.password_too_weak": "Password too weak: level {score}/4, the contract requires at least {minimum}/4.",
  "auth.totp_invalid": "Wrong authentication code.",
  "auth.totp_already": "A second factor is already enrolled for this account.",
};
