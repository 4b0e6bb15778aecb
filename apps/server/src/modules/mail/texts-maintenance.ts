/**
 * Mails of scheduled maintenance (DSN-SUP-07), merged into templates.ts: the announcement, with
 * dates, times and expected duration as the clause asks, and its cancellation.
 */
export const maintenanceFr = {
  "maintenance_announced.subject": "Maintenance programmée de {service} : {title}",
  "maintenance_announced.body": `Bonjour {firstName},

Une maintenance de {service}, service souscrit par {organisationName}, est programmée{cite} :

{title}

Début : {startsAt}
Fin au plus tard : {endsAt}
Durée d'interruption prévue : {expectedDuration}

{description}

Les opérations programmées sont aussi affichées sur le portail : {publicUrl}`,

  "maintenance_cancelled.subject": "Maintenance annulée : {service}, {title}",
  "maintenance_cancelled.body": `Bonjour {firstName},

La maintenance de {service} prévue du {startsAt} au {endsAt} est annulée{cite}.

{title}

Motif : {reason}`,
} as const;

export type MaintenanceMailTextKey = keyof typeof maintenanceFr;

export const maintenanceEn: Record<MaintenanceMailTextKey, string> = {
  "maintenance_announced.subject": "Scheduled maintenance of {service}: {title}",
  "maintenance_announced.body": `Hello {firstName},

Maintenance of {service}, a service {organisationName} subscribes to, is scheduled{cite}:

{title}

Start: {startsAt}
End at the latest: {endsAt}
Expected interruption: {expectedDuration}

{description}

Scheduled operations are also shown on the portal: {publicUrl}`,

  "maintenance_cancelled.subject": "Maintenance cancelled: {service}, {title}",
  "maintenance_cancelled.body": `Hello {firstName},

The maintenance of {service} planned from {startsAt} to {endsAt} is cancelled{cite}.

{title}

Reason: {reason}`,
};

type Announced = {
  firstName: string;
  organisationName: string;
  /** The catalogue item's name in the reader's language. */
  service: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
};

/** What each maintenance mail is rendered from. */
export interface MaintenanceMailParams {
  /** To each person concerned of a customer holding the service (DSN-SUP-07). */
  maintenance_announced: Announced & { description: string; expectedDuration: string };
  maintenance_cancelled: Announced & { reason: string };
}
