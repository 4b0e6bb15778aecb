/**
 * Invoices, the month's simulation and the staff's invoice run (issue 17, MCR-BIL-04), French first
 * (en-billing.ts has exactly these keys).
 */
export const frBilling = {
  title: "Factures",
  intro:
    "Vos factures et avoirs, à lire en ligne ou à télécharger en PDF (Factur-X) et en XML, et la simulation de la facture du mois en cours.",
  staffIntro:
    "Émettre les factures du mois, consulter celles de chaque client et les comptes fournisseurs sans client.",
  // Where the contract sells no metered consumption (DSN): no simulation, no vendor accounts.
  subscriptionIntro: "Vos factures et avoirs, à lire en ligne ou à télécharger en PDF (Factur-X) et en XML.",
  subscriptionStaffIntro: "Émettre les factures du mois et consulter celles de chaque client.",
  list: {
    heading: "Factures et avoirs",
    empty: "Aucune facture pour l'instant.",
    number: "Numéro",
    kind: "Document",
    invoice: "Facture",
    creditNote: "Avoir",
    customer: "Client",
    period: "Période",
    issued: "Émise le",
    due: "Échéance",
    totalExclVat: "Total HT",
    totalInclVat: "Total TTC",
    files: "Fichiers",
    pdf: "PDF {{number}}",
    xml: "XML {{number}}",
    corrects: "corrige la facture {{number}}",
  },
  invoice: {
    back: "← Factures et avoirs",
    title: "Facture {{number}}",
    creditNoteTitle: "Avoir {{number}}",
    corrects: "Corrige la facture",
    lines: "Lignes",
    line: "Désignation",
    noLine: "Aucune ligne.",
    totalExclVat: "Total HT : {{amount}}",
    vat: "TVA {{rate}} sur {{basis}} : {{amount}}",
    totalInclVat: "Total TTC : {{amount}}",
    mentions: "Conditions de paiement et mentions",
  },
  creditNote: {
    column: "Correction",
    action: "Émettre un avoir",
    actionLabel: "Émettre un avoir sur la facture {{number}}",
    title: "Avoir sur la facture {{number}}",
    intro:
      "Une facture émise ne change jamais : un avoir la corrige, numéroté à la suite. Facture de {{buyer}}, {{total}} HT.",
    amount: "Montant de l'avoir hors TVA ({{currency}})",
    amountHint:
      "Laissez vide pour annuler toute la facture ({{total}} HT) ; sinon un montant jusqu'à ce total.",
    reasonHint: "Le motif figure sur l'avoir et dans le journal d'audit.",
    confirm: "Émettre l'avoir",
    done: "Avoir {{number}} émis pour {{buyer}} : {{exclVat}} HT.",
  },
  detail: {
    heading: "Facturation détaillée",
    intro:
      "Vos lignes de coût de chaque mois, telles que les éditeurs les exportent (FinOps FOCUS), en CSV ou en Parquet : uniquement celles de vos comptes.",
    empty: "Aucune consommation importée pour l'instant.",
    month: "Mois",
    lines: "Lignes",
    files: "Fichiers",
    csv: "CSV de {{month}}",
    parquet: "Parquet de {{month}}",
    preparing:
      "En préparation : les lignes de ce mois viennent d'être importées, elles seront là dans un instant.",
  },
  simulation: {
    heading: "Simulation de la facture du mois",
    month: "Mois de la simulation",
    current: "{{month}} (mois en cours)",
    issued:
      "Facture {{number}} émise le {{date}} pour ce mois : {{exclVat}} HT, {{inclVat}} TTC. Ce sont ses montants qui font foi ; la simulation ci-dessous les recalcule sur les coûts importés.",
    simulated: "Aucune facture émise pour ce mois : montants simulés sur les coûts importés.",
    intro:
      "Le mois à date au prix des éditeurs, converti dans la devise de facturation au taux BCE de la période, les frais de support qu'il implique et une prévision à la fin du mois.",
    none: "Aucune consommation importée pour ce mois.",
    monthToDate: "Mois à date (jusqu'au {{day}}) : {{amount}}",
    vendor: "Éditeur",
    service: "Service",
    amount: "Mois à date",
    lineForecast: "Prévision fin de mois",
    credit: "{{service}} (crédit d'utilisation alloué par l'éditeur)",
    fee: "Frais de support : {{amount}} — {{explanation}}",
    forecast: "Prévision fin de mois : {{total}} de consommation + {{fee}} de frais de support",
    method:
      "Méthode : rythme moyen. La consommation récurrente du mois à date divisée par les {{elapsed}} jours écoulés, multipliée par les {{days}} jours du mois ; les achats ponctuels et les crédits comptent une fois.",
    resold:
      "Les taxes des éditeurs ne sont pas refacturées : la facture applique sa propre TVA. Un crédit d'utilisation alloué par un éditeur est repris tel qu'il le facture, sur une ligne à part.",
    rate: "Taux BCE du {{day}} : 1 € = {{rate}} {{currency}}",
  },
  run: {
    heading: "Émettre les factures d'un mois",
    intro:
      "Une facture par client qui doit quelque chose, tout ou rien ; un client déjà facturé pour ce mois est laissé tel quel. Un taux de change manquant arrête l'émission en nommant la devise et le jour.",
    month: "Mois (AAAA-MM)",
    submit: "Émettre les factures",
    done_one: "{{count}} facture émise.",
    done_other: "{{count}} factures émises.",
    skipped: "{{name}} : {{reason}}",
    reasons: {
      already_invoiced: "déjà facturé pour ce mois",
      nothing_owed: "rien à facturer",
      no_billing_details: "pas de coordonnées de facturation",
    },
  },
  import: {
    heading: "Importer des fichiers de coûts",
    intro:
      "Les exports FinOps FOCUS des éditeurs (CSV, CSV compressé en gzip ou Parquet), en une fois, tout ou rien : le même fichier une seconde fois ne change rien, un fichier corrigé remplace celui de sa période.",
    files: "Fichiers FOCUS",
    submit: "Importer",
    sending: "Envoi des fichiers",
    done_one: "{{lines}} lignes lues ; {{count}} compte fournisseur sans client.",
    done_other: "{{lines}} lignes lues ; {{count}} comptes fournisseurs sans client.",
    unit_one: "{{vendor}}, compte {{account}}, {{month}} ({{lines}} ligne) : {{outcome}}",
    unit_other: "{{vendor}}, compte {{account}}, {{month}} ({{lines}} lignes) : {{outcome}}",
    outcomes: {
      imported: "importé",
      replaced: "remplace l'import précédent de la période",
      unchanged: "déjà importé (fichier identique, rien ne change)",
    },
  },
  unmatched: {
    heading: "Comptes fournisseurs sans client",
    intro:
      "Lignes de coût importées qu'aucun client ne porte : elles ne sont facturées à personne tant que le compte n'est pas rattaché.",
    empty: "Tous les comptes importés sont rattachés à un client.",
    vendor: "Éditeur",
    account: "Compte de facturation",
    subAccount: "Sous-compte",
    billed: "Montant (devise)",
    lines: "Lignes",
    days: "Du … au",
  },
};
