/**
 * Demo customers for each shipped contract: what a prospect sees on first start.
 * Catalogue item ids refer to the contract files' catalogues.
 */
export interface DemoCustomer {
  slug: string;
  name: string;
  registrationNumber: string;
  holds: { item: string; from: string }[];
}

export interface DemoData {
  provider: { slug: string; name: string; registrationNumber: string };
  customers: DemoCustomer[];
}

export const DEMO_DATA: Record<string, DemoData> = {
  "multicloud-ready": {
    provider: { slug: "multicloud-ready", name: "MultiCloud Ready", registrationNumber: "000000000" },
    customers: [
      {
        slug: "atelier-lumiere",
        name: "Atelier Lumière SARL",
        registrationNumber: "812345670",
        holds: [
          { item: "aws", from: "2026-01-01" },
          { item: "support-basic", from: "2026-01-01" },
        ],
      },
      {
        slug: "transports-garnier",
        name: "Transports Garnier SAS",
        registrationNumber: "823456781",
        holds: [
          { item: "azure", from: "2025-09-01" },
          { item: "support-standard", from: "2025-09-01" },
        ],
      },
      {
        slug: "biolab-nantes",
        name: "BioLab Nantes",
        registrationNumber: "834567892",
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
        registrationNumber: "856789014",
        holds: [
          { item: "eligibilite-ftte", from: "2025-11-03" },
          { item: "e-sav", from: "2025-11-03" },
          { item: "e-soutien", from: "2025-11-03" },
        ],
      },
      {
        slug: "niort-connect",
        name: "Niort Connect",
        registrationNumber: "867890125",
        holds: [
          { item: "e-rdv-grand-public", from: "2026-01-05" },
          { item: "e-mutation-fibre", from: "2026-01-05" },
          { item: "e-soutien", from: "2026-01-05" },
        ],
      },
      {
        slug: "atlantique-operateur",
        name: "Atlantique Opérateur SA",
        registrationNumber: "878901236",
        holds: [
          { item: "eep", from: "2025-05-12" },
          { item: "tao", from: "2025-05-12" },
          { item: "e-sav", from: "2025-05-12" },
          { item: "e-soutien", from: "2025-05-12" },
        ],
      },
    ],
  },
};
