import type { TicketAction } from "@guichet/domain";

/**
 * What happened on each demo deployment before a newcomer arrives (issue 13): requests in each
 * state of the contract's workflow, with messages from both sides, a maintenance held and one to
 * come, a news item. Instants are minutes before the seed's `now`; the product's own use cases
 * replay them (seed-activity.ts), so SLA clocks, mails and audit entries are what it would make.
 * Made-up content, like the rest of the demo data.
 */
export interface DemoActivity {
  /** The provider's support agent who answers (an e-mail of DEMO_DATA's people). */
  agent: string;
  tickets: DemoTicket[];
  /** Scheduled maintenance (DSN-SUP-07), where the contract provides for it. */
  maintenance: DemoMaintenance[];
  news: DemoNews[];
}

export interface DemoTicket {
  /** The requester's e-mail, one of DEMO_DATA's people. */
  by: string;
  minutesAgo: number;
  category: string;
  item: string | null;
  priority: string | null;
  title: string;
  description: string;
  /** What happened next, oldest first. */
  steps: DemoStep[];
}

export type DemoStep = { minutesAgo: number } & (
  | { reply: string; from: "agent" | "requester" }
  /** A change of status, by the ticket action the desk offers (named `status`, not `action`: audit actions are another thing). */
  | { status: TicketAction; message?: string }
  | { propose: string; reason: string }
);

export interface DemoMaintenance {
  item: string;
  title: string;
  description: string;
  announcedMinutesAgo: number;
  /** Local start in the deployment's zone: days from today, and the time. */
  startsInDays: number;
  at: string;
  hours: number;
  expectedMinutes: number;
}

export interface DemoNews {
  minutesAgo: number;
  category: "commercial" | "technical";
  title: string;
  body: string;
  item: string | null;
}

const HOUR = 60;
const DAY = 24 * HOUR;

export const DEMO_ACTIVITY: Record<string, DemoActivity> = {
  "multicloud-ready": {
    agent: "support@multicloud-ready.demo",
    tickets: [
      {
        by: "exploitation@transports-garnier.demo",
        minutesAgo: 12 * DAY,
        category: "request",
        item: "azure",
        priority: "P3",
        title: "Accès en lecture seule pour notre auditeur",
        description: "Notre commissaire aux comptes doit consulter la souscription Azure en lecture seule.",
        steps: [
          {
            minutesAgo: 12 * DAY - 2 * HOUR,
            from: "agent",
            reply: "Le rôle Lecteur est prêt : indiquez-nous l'adresse de l'auditeur.",
          },
          { minutesAgo: 11 * DAY, status: "resolve", message: "Invitation envoyée à l'auditeur." },
          { minutesAgo: 10 * DAY, status: "confirm" },
        ],
      },
      {
        by: "it@biolab-nantes.demo",
        minutesAgo: 8 * DAY,
        category: "incident",
        item: "aws",
        priority: "P2",
        title: "Instance EC2 redémarrée sans raison",
        description: "L'instance de calcul du séquenceur a redémarré deux fois cette nuit.",
        steps: [
          {
            minutesAgo: 8 * DAY - 40,
            from: "agent",
            reply: "AWS signale une maintenance de l'hôte physique ; nous déplaçons l'instance.",
          },
          { minutesAgo: 7 * DAY, status: "resolve", message: "Instance déplacée sur un nouvel hôte." },
          { minutesAgo: 7 * DAY - 3 * HOUR, status: "confirm" },
        ],
      },
      {
        by: "gerance@atelier-lumiere.demo",
        minutesAgo: 4 * DAY,
        category: "incident",
        item: "aws",
        priority: "P3",
        title: "Site vitrine lent",
        description: "Notre site WordPress hébergé sur AWS est lent depuis lundi.",
        // Basic has no incident process: opened and closed at once with the reason (MCR-SUP-11).
        steps: [],
      },
      {
        by: "exploitation@transports-garnier.demo",
        minutesAgo: 3 * DAY,
        category: "billing",
        item: "azure",
        priority: null,
        title: "Facture d'octobre : ligne Azure en double ?",
        description: "La ligne « Stockage Azure » apparaît deux fois sur la facture d'octobre.",
        steps: [
          {
            minutesAgo: 2 * DAY,
            from: "agent",
            reply: "Il s'agit de deux comptes de stockage distincts ; le détail est joint à la facture.",
          },
          {
            minutesAgo: 1 * DAY,
            status: "resolve",
            message: "Les deux lignes correspondent à deux comptes de stockage.",
          },
        ],
      },
      {
        by: "exploitation@transports-garnier.demo",
        minutesAgo: 2 * DAY,
        category: "incident",
        item: "azure",
        priority: "P2",
        title: "Machines virtuelles lentes depuis la mise à jour",
        description:
          "Depuis la mise à jour de mardi, nos VM de planification répondent en 10 s au lieu de 1 s.",
        steps: [
          {
            minutesAgo: 2 * DAY - 90,
            from: "agent",
            reply:
              "Nous analysons les métriques des VM ; pouvez-vous nous donner l'heure exacte du dernier ralentissement ?",
          },
          {
            minutesAgo: 1 * DAY,
            from: "requester",
            reply: "Ce matin vers 8 h 15, pendant le calcul des tournées.",
          },
        ],
      },
      {
        by: "it@biolab-nantes.demo",
        minutesAgo: 1 * DAY,
        category: "request",
        item: "gcp",
        priority: "P3",
        title: "Quota de GPU à augmenter sur Google Cloud",
        description:
          "Nous avons besoin de 8 GPU supplémentaires en europe-west9 pour une campagne d'analyse.",
        steps: [
          {
            minutesAgo: 1 * DAY - 3 * HOUR,
            from: "agent",
            reply: "Demande transmise à Google Cloud ; réponse attendue sous 48 h.",
          },
        ],
      },
      {
        by: "cloud@banque-ducasse.demo",
        minutesAgo: 6 * HOUR,
        category: "incident",
        item: "gcp",
        priority: "P2",
        title: "Alerte de coût inhabituelle sur GCP",
        description: "Le budget du projet d'analyse a dépassé 80 % en deux jours.",
        // Support proposes a lower priority; the request waits while the customer justifies (MCR-SUP-12).
        steps: [
          {
            minutesAgo: 6 * HOUR - 20,
            propose: "P3",
            reason: "Aucune perte de service : une alerte de budget relève d'un incident standard.",
          },
        ],
      },
      {
        by: "cloud@banque-ducasse.demo",
        minutesAgo: 5 * HOUR,
        category: "incident",
        item: "aws",
        priority: "P1",
        title: "Base de données de production injoignable (AWS eu-west-3)",
        description: "Les applications de banque en ligne ne joignent plus la base RDS depuis 9 h 40.",
        // Answered after 95 minutes for a 30-minute target: a breached initial response (MCR-SUP-06).
        steps: [
          {
            minutesAgo: 5 * HOUR - 95,
            from: "agent",
            reply: "Panne de la zone de disponibilité confirmée par AWS ; nous basculons sur le réplica.",
          },
          { minutesAgo: 2 * HOUR, from: "requester", reply: "Le réplica répond, merci. Nous surveillons." },
        ],
      },
      {
        by: "gerance@atelier-lumiere.demo",
        minutesAgo: 3 * HOUR,
        category: "billing",
        item: null,
        priority: null,
        title: "Changement d'adresse de facturation",
        description: "Nous avons déménagé au 12 rue des Olivettes, 44000 Nantes.",
        steps: [],
      },
      {
        by: "cloud@banque-ducasse.demo",
        minutesAgo: 20,
        category: "request",
        item: "azure",
        priority: "P3",
        title: "Ajout d'un compte de facturation pour la filiale",
        description: "Notre filiale Ducasse Gestion doit disposer de son propre compte de facturation Azure.",
        steps: [],
      },
    ],
    maintenance: [],
    news: [
      {
        minutesAgo: 3 * DAY,
        category: "technical",
        title: "Nouvelle région Google Cloud à Paris",
        body: "La région europe-west9 (Paris) est disponible pour vos projets Google Cloud.",
        item: "gcp",
      },
    ],
  },
  "deux-sevres-eservices": {
    agent: "soutien@deux-sevres-numerique.demo",
    tickets: [
      {
        by: "admin@niort-connect.demo",
        minutesAgo: 15 * DAY,
        category: "support-request",
        item: "e-mutation-fibre",
        priority: "P3",
        title: "Format du fichier de mutation",
        description: "Quel encodage attend e-Mutation Fibre pour les fichiers de mutation en masse ?",
        steps: [
          { minutesAgo: 12 * DAY, status: "resolve", message: "UTF-8 sans BOM, séparateur point-virgule." },
        ],
      },
      {
        by: "admin@fibre-poitou.demo",
        minutesAgo: 9 * DAY,
        category: "support-request",
        item: "eligibilite-ftte",
        priority: "P3",
        title: "Export CSV de l'éligibilité",
        description: "L'export CSV s'arrête à 10 000 lignes pour la commune de Niort.",
        steps: [
          {
            minutesAgo: 8 * DAY,
            from: "agent",
            reply: "La limite est connue ; un export par code IRIS la contourne.",
          },
          {
            minutesAgo: 7 * DAY,
            status: "resolve",
            message: "Export par code IRIS documenté dans l'aide en ligne.",
          },
        ],
      },
      {
        by: "admin@fibre-poitou.demo",
        minutesAgo: 2 * DAY,
        category: "support-request",
        item: "eligibilite-ftte",
        priority: "P3",
        title: "Adresse absente de la base d'éligibilité",
        description: "Le 4 impasse des Tanneurs à Parthenay n'apparaît pas dans e-Éligibilité.",
        steps: [
          {
            minutesAgo: 1 * DAY,
            from: "agent",
            reply: "Nous vérifions l'adresse avec le gestionnaire d'immeubles.",
          },
        ],
      },
      {
        by: "admin@fibre-poitou.demo",
        minutesAgo: 1 * DAY,
        category: "incident",
        item: "e-sav",
        priority: "P2",
        title: "Rendez-vous non remonté dans e-SAV",
        description: "Le rendez-vous d'intervention du ticket SAV 4512 n'apparaît pas côté opérateur.",
        // Information requested by e-mail; the signalisation waits for the operator (DSN-SUP-03).
        steps: [
          {
            minutesAgo: 20 * HOUR,
            status: "hold",
            message: "Merci de nous indiquer la référence de prise et la date du rendez-vous.",
          },
        ],
      },
      {
        by: "admin@niort-connect.demo",
        minutesAgo: 3 * HOUR,
        category: "incident",
        item: "e-rdv-grand-public",
        priority: "P1",
        title: "e-RDV inaccessible depuis ce matin",
        description: "La page de prise de rendez-vous répond par une erreur 502 pour tous nos abonnés.",
        steps: [
          {
            minutesAgo: 150,
            from: "agent",
            reply: "Incident confirmé sur le frontal ; redémarrage en cours.",
          },
          // "Retour sur ticket ouvert" (DSN-SUP-04).
          { minutesAgo: 60, from: "requester", reply: "Toujours en erreur pour les rendez-vous du samedi." },
        ],
      },
      {
        by: "admin@fibre-poitou.demo",
        minutesAgo: 1 * HOUR,
        category: "incident",
        item: "e-sav",
        priority: "P2",
        title: "Ticket SAV bloqué à l'étape d'intervention",
        description: "Le ticket SAV 4538 reste à l'étape « intervention planifiée » depuis hier.",
        steps: [],
      },
      {
        by: "admin@niort-connect.demo",
        minutesAgo: 30,
        category: "support-request",
        item: "e-mutation-fibre",
        priority: null,
        title: "Délai de traitement d'une mutation",
        description: "Combien de temps faut-il pour qu'une mutation soumise apparaisse comme traitée ?",
        steps: [],
      },
    ],
    maintenance: [
      {
        item: "eligibilite-ftte",
        title: "Mise à jour de la base d'éligibilité",
        description: "Chargement des nouveaux immeubles raccordables ; e-Éligibilité est indisponible.",
        // Announced with the demo specific conditions' notice (15 days, DSN-SUP-07) and more.
        announcedMinutesAgo: 30 * DAY,
        startsInDays: -10,
        at: "21:00",
        hours: 2,
        expectedMinutes: 90,
      },
      {
        item: "e-sav",
        title: "Montée de version d'e-SAV",
        description: "Nouvelle version d'e-SAV ; les signalisations restent ouvertes sur e-soutien.",
        announcedMinutesAgo: 2 * DAY,
        startsInDays: 14,
        at: "22:00",
        hours: 3,
        expectedMinutes: 120,
      },
    ],
    news: [
      {
        minutesAgo: 4 * DAY,
        category: "technical",
        title: "Nouveaux immeubles raccordables à Parthenay",
        body: "1 240 locaux de Parthenay sont désormais éligibles ; e-Éligibilité les liste depuis ce matin.",
        item: "eligibilite-ftte",
      },
    ],
  },
};
