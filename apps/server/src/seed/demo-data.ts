/**
 * Demo customers for each shipped contract: what a prospect sees on first start. Their SIRENs
 * are made up but carry a valid Luhn key, as the customer forms require (issue 16).
 * Catalogue item ids refer to the contract files' catalogues.
 */
export interface DemoCustomer {
  slug: string;
  name: string;
  registrationNumber: string;
  holds: DemoHolding[];
}

/**
 * One subscription of the demo. Price, minimum period and notice of a DSN e-service are its
 * specific conditions, which the contract text does not give: the values here are DEMO VALUES,
 * invented for the demonstration, not Deux-Sèvres Numérique's.
 */
export interface DemoHolding {
  item: string;
  from: string;
  tenancy?: "single" | "multi";
  monthlyPriceCents?: number;
  minimumMonths?: number;
  noticeMonths?: number;
}

/** A person of the demo; `organisation` is the provider's or a customer's slug. */
export interface DemoPerson {
  organisation: string;
  email: string;
  firstName: string;
  lastName: string;
  roles: string[];
  namedContact?: { jobTitle: string; phone: string; availability: string };
}

export interface DemoData {
  provider: { slug: string; name: string; registrationNumber: string };
  customers: DemoCustomer[];
  people: DemoPerson[];
}

/**
 * The one password of every demo account, printed when the demo data is loaded. Demo data is
 * only loaded on the embedded default (GUICHET_DEMO_DATA), never on a production database.
 */
export const DEMO_PASSWORD = "Guichet-démo-2026 !";

export const DEMO_DATA: Record<string, DemoData> = {
  "multicloud-ready": {
    provider: { slug: "multicloud-ready", name: "MultiCloud Ready", registrationNumber: "000000000" },
    customers: [
      {
        slug: "atelier-lumiere",
        name: "Atelier Lumière SARL",
        registrationNumber: "812345676",
        holds: [
          { item: "aws", from: "2026-01-01" },
          { item: "support-basic", from: "2026-01-01" },
        ],
      },
      {
        slug: "transports-garnier",
        name: "Transports Garnier SAS",
        registrationNumber: "823456785",
        holds: [
          { item: "azure", from: "2025-09-01" },
          { item: "support-standard", from: "2025-09-01" },
        ],
      },
      {
        slug: "biolab-nantes",
        name: "BioLab Nantes",
        registrationNumber: "834567893",
        holds: [
          { item: "aws", from: "2025-06-01" },
          { item: "gcp", from: "2026-02-01" },
          { item: "support-business", from: "2025-06-01" },
          { item: "cloud-coach", from: "2026-02-01" },
        ],
      },
      {
        slug: "banque-ducasse",
        name: "Banque Ducasse & Associés",
        registrationNumber: "845678903",
        holds: [
          { item: "aws", from: "2025-03-01" },
          { item: "azure", from: "2025-03-01" },
          { item: "gcp", from: "2025-03-01" },
          { item: "support-premium", from: "2025-03-01" },
          { item: "managed-application", from: "2025-10-01" },
        ],
      },
      // Issue 16: a customer whose first order waits for the provider, and one that terminated.
      { slug: "garage-martin", name: "Garage Martin SARL", registrationNumber: "811223346", holds: [] },
      {
        slug: "menuiserie-blanchard",
        name: "Menuiserie Blanchard",
        registrationNumber: "812334456",
        holds: [
          { item: "azure", from: "2025-02-01" },
          { item: "support-basic", from: "2025-02-01" },
        ],
      },
    ],
    people: [
      {
        organisation: "multicloud-ready",
        email: "admin@multicloud-ready.demo",
        firstName: "Hélène",
        lastName: "Roux",
        roles: ["admin"],
      },
      {
        organisation: "multicloud-ready",
        email: "securite@multicloud-ready.demo",
        firstName: "Marc",
        lastName: "Lefèvre",
        roles: ["security_officer"],
      },
      {
        organisation: "multicloud-ready",
        email: "support@multicloud-ready.demo",
        firstName: "Inès",
        lastName: "Moreau",
        roles: ["support_agent"],
      },
      {
        organisation: "transports-garnier",
        email: "dsi@transports-garnier.demo",
        firstName: "Sophie",
        lastName: "Garnier",
        roles: ["customer_admin"],
      },
      {
        organisation: "transports-garnier",
        email: "exploitation@transports-garnier.demo",
        firstName: "Julien",
        lastName: "Petit",
        roles: ["named_contact"],
        namedContact: {
          jobTitle: "Responsable exploitation",
          phone: "+33 2 40 00 00 01",
          availability: "lun.–ven. 8 h–18 h",
        },
      },
      {
        organisation: "banque-ducasse",
        email: "cloud@banque-ducasse.demo",
        firstName: "Claire",
        lastName: "Ducasse",
        // Premium and Business open requests through named contacts only (MCR-SUP-04): the
        // administrator is one, so the demo's requests have a requester.
        roles: ["customer_admin", "named_contact"],
        namedContact: {
          jobTitle: "Directrice des systèmes d'information",
          phone: "+33 1 40 00 00 02",
          availability: "24 h/24",
        },
      },
      {
        organisation: "atelier-lumiere",
        email: "gerance@atelier-lumiere.demo",
        firstName: "Paul",
        lastName: "Lumière",
        roles: ["customer_admin"],
      },
      {
        organisation: "garage-martin",
        email: "dirigeant@garage-martin.demo",
        firstName: "Léa",
        lastName: "Martin",
        roles: ["customer_admin"],
      },
      {
        organisation: "menuiserie-blanchard",
        email: "gestion@menuiserie-blanchard.demo",
        firstName: "Yves",
        lastName: "Blanchard",
        roles: ["customer_admin"],
      },
      {
        organisation: "biolab-nantes",
        email: "it@biolab-nantes.demo",
        firstName: "Nadia",
        lastName: "Perrin",
        roles: ["customer_admin", "named_contact"],
        namedContact: {
          jobTitle: "Responsable informatique",
          phone: "+33 2 40 00 00 03",
          availability: "lun.–ven. 9 h–18 h",
        },
      },
    ],
  },
  "deux-sevres-eservices": {
    provider: {
      slug: "deux-sevres-numerique",
      name: "Syndicat Mixte Ouvert Deux-Sèvres Numérique",
      registrationNumber: "200072197",
    },
    customers: [
      {
        slug: "fibre-poitou",
        name: "Fibre Poitou Télécom",
        registrationNumber: "856789011",
        holds: [
          { item: "eligibilite-ftte", from: "2025-11-03" },
          { item: "e-sav", from: "2025-11-03" },
          { item: "e-soutien", from: "2025-11-03" },
        ],
      },
      {
        slug: "niort-connect",
        name: "Niort Connect",
        registrationNumber: "867890121",
        holds: [
          { item: "e-rdv-grand-public", from: "2026-01-05" },
          { item: "e-mutation-fibre", from: "2026-01-05" },
          { item: "e-soutien", from: "2026-01-05" },
        ],
      },
      {
        slug: "atlantique-operateur",
        name: "Atlantique Opérateur SA",
        registrationNumber: "878901230",
        holds: [
          { item: "eep", from: "2025-05-12" },
          { item: "tao", from: "2025-05-12" },
          { item: "e-sav", from: "2025-05-12" },
          { item: "e-soutien", from: "2025-05-12" },
        ],
      },
    ],
    people: [
      {
        organisation: "deux-sevres-numerique",
        email: "admin@deux-sevres-numerique.demo",
        firstName: "René",
        lastName: "Bauruel",
        roles: ["admin"],
      },
      {
        organisation: "deux-sevres-numerique",
        email: "securite@deux-sevres-numerique.demo",
        firstName: "Anne",
        lastName: "Girard",
        roles: ["security_officer"],
      },
      {
        organisation: "deux-sevres-numerique",
        email: "soutien@deux-sevres-numerique.demo",
        firstName: "Luc",
        lastName: "Bonnet",
        roles: ["support_agent"],
      },
      {
        organisation: "fibre-poitou",
        email: "admin@fibre-poitou.demo",
        firstName: "Élise",
        lastName: "Fournier",
        roles: ["customer_admin"],
      },
      {
        organisation: "niort-connect",
        email: "admin@niort-connect.demo",
        firstName: "Karim",
        lastName: "Benali",
        roles: ["customer_admin"],
      },
      {
        organisation: "atlantique-operateur",
        email: "admin@atlantique-operateur.demo",
        firstName: "Gaëlle",
        lastName: "Moreau",
        roles: ["customer_admin"],
      },
    ],
  },
};

/**
 * DEMO VALUES, not Deux-Sèvres Numérique's: each e-service's price, minimum period and notice are
 * its specific conditions (DSN art. 4.2, 6, 9), which the contract text leaves to another document.
 * Invented for the demonstration, so terminations have something to compute; never read outside it.
 */
export const DEMO_SPECIFIC_CONDITIONS: Record<
  string,
  { monthlyPriceCents: number; minimumMonths: number; noticeMonths: number }
> = {
  "eligibilite-ftte": { monthlyPriceCents: 12_000, minimumMonths: 12, noticeMonths: 3 },
  "e-rdv-grand-public": { monthlyPriceCents: 9_000, minimumMonths: 6, noticeMonths: 1 },
  "e-sav": { monthlyPriceCents: 15_000, minimumMonths: 12, noticeMonths: 3 },
  "e-mutation-fibre": { monthlyPriceCents: 6_000, minimumMonths: 12, noticeMonths: 2 },
  eep: { monthlyPriceCents: 20_000, minimumMonths: 24, noticeMonths: 3 },
  tao: { monthlyPriceCents: 8_000, minimumMonths: 12, noticeMonths: 3 },
};
