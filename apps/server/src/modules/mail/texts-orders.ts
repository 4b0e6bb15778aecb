/**
 * Mails of orders (issue 16), merged into templates.ts: the confirmation of registration after an
 * accepted MCR order, with the link to set a password (MCR-ACC-01, MCR 6.1), and the warning to the
 * provider's staff before identifiers are overdue (DSN-ID-02).
 */
export const ordersFr = {
  "registration_confirmed.subject": "Votre inscription à {portalName} est confirmée : {service}",
  "registration_confirmed.body": `Bonjour {firstName},

Votre commande {reference} est acceptée{cite} : le compte {service} de {organisationName} est créé.

Compte fournisseur : {vendorAccountId}
Console : {consoleUrl}

Pour accéder à {portalName}, à la console du fournisseur et administrer les services de ce compte, initialisez votre mot de passe en suivant ce lien :

{link}

Ce lien est personnel, ne sert qu'une fois et expire le {expiresAt}.`,

  "registration_confirmed_signed_in.subject": "Votre commande {reference} est acceptée : {service}",
  "registration_confirmed_signed_in.body": `Bonjour {firstName},

Votre commande {reference} est acceptée{cite} : le compte {service} de {organisationName} est créé.

Compte fournisseur : {vendorAccountId}
Console : {consoleUrl}

Le lien vers la console figure aussi sur votre tableau de bord : {publicUrl}`,

  "identifiers_due_warning.subject":
    "Identifiants à envoyer avant le {dueAt} : {organisationName}, {reference}",
  "identifiers_due_warning.body": `Bonjour {firstName},

Le Bon de Commande {reference} de {organisationName} ({service}) a été reçu le {receivedAt}. Les identifiants des personnes désignées doivent leur être envoyés au plus tard le {dueAt}{cite}, et ne sont pas encore marqués comme envoyés.

Commandes : {publicUrl}/commandes`,
} as const;

export type OrdersMailTextKey = keyof typeof ordersFr;

export const ordersEn: Record<OrdersMailTextKey, string> = {
  "registration_confirmed.subject": "Your registration to {portalName} is confirmed: {service}",
  "registration_confirmed.body": `Hello {firstName},

Your order {reference} is accepted{cite}: the {service} account of {organisationName} is created.

Vendor account: {vendorAccountId}
Console: {consoleUrl}

To reach {portalName}, the vendor's console and administer the services of this account, set your password by following this link:

{link}

This link is personal, works only once and expires on {expiresAt}.`,

  "registration_confirmed_signed_in.subject": "Your order {reference} is accepted: {service}",
  "registration_confirmed_signed_in.body": `Hello {firstName},

Your order {reference} is accepted{cite}: the {service} account of {organisationName} is created.

Vendor account: {vendorAccountId}
Console: {consoleUrl}

The console link is also on your dashboard: {publicUrl}`,

  "identifiers_due_warning.subject": "Identifiers to send before {dueAt}: {organisationName}, {reference}",
  "identifiers_due_warning.body": `Hello {firstName},

The order form {reference} of {organisationName} ({service}) was received on {receivedAt}. The identifiers of the people designated must be sent to them by {dueAt}{cite}, and are not marked as sent yet.

Orders: {publicUrl}/commandes`,
};

type Accepted = {
  firstName: string;
  organisationName: string;
  reference: string;
  service: string;
  vendorAccountId: string;
  consoleUrl: string;
};

/** What each order mail is rendered from. */
export interface OrdersMailParams {
  /** To an administrator who has not set a password yet: the confirmation with the link (MCR-ACC-01). */
  registration_confirmed: Accepted & { link: string; expiresAt: Date };
  /** To an administrator already signed in once: the confirmation alone. */
  registration_confirmed_signed_in: Accepted;
  /** To the provider's administrators and account managers (DSN-ID-02). */
  identifiers_due_warning: {
    firstName: string;
    organisationName: string;
    reference: string;
    service: string;
    receivedAt: Date;
    dueAt: Date;
  };
}
