/** The service desk's SLA report (MCR-SUP-06), French first (en-report.ts has exactly these keys). */
export const frReport = {
  title: "Rapport SLA",
  intro:
    "Les délais de prise en charge initiale des tickets, mois par mois : tickets comptés, délais respectés et dépassés par priorité, médiane et 90e centile.",
  customer: "Client",
  chooseCustomer: "Choisissez un client",
  month: "Mois",
  pickCustomer: "Choisissez un client pour afficher son rapport.",
  organisation: "Rapport — {{name}}",
  byPriority: "Par priorité — {{month}}",
  priority: "Priorité",
  counted: "Tickets comptés",
  met: "Délai respecté",
  breached: "Délai dépassé",
  running: "En cours",
  median: "Médiane",
  p90: "90e centile",
  allPriorities: "Toutes priorités",
  excluded: "Non comptés : {{list}}.",
  exclusions: {
    maintenance: "{{count}} pendant une maintenance programmée",
    outOfScope: "{{count}} hors périmètre",
    slaNotApplicable: "{{count}} sans engagement de délai",
    noTarget: "{{count}} sans objectif de délai pour l'offre",
  },
  timesNote:
    "Médiane et 90e centile des délais de prise en charge, en temps ouvré du calendrier de l'offre, au rang le plus proche (toujours un délai observé). Chiffres évalués le {{date}}.",
  series: "Sur 12 mois",
  chartTitle: "Tickets comptés par mois, de {{from}} à {{to}}",
  chartSummary:
    "Sur la période : {{counted}} tickets comptés, dont {{met}} dans le délai, {{breached}} hors délai et {{running}} en cours. Le tableau qui suit donne les chiffres de chaque mois.",
  legend: "Légende",
  tableCaption: "Chiffres de chaque mois",
  csv: "Télécharger le rapport sur 12 mois (CSV)",
};
