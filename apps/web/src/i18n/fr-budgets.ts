/** Budgets and alerts, and the cost explorer (issue 17, MCR 6.1.2), French first (en-budgets.ts has these keys). */
export const frBudgets = {
  title: "Budgets et alertes",
  intro:
    "Fixez un budget mensuel (hors TVA) pour l'ensemble du compte ou par éditeur : les personnes que vous désignez sont prévenues par courriel quand la consommation du mois, ou sa prévision à la fin du mois, atteint chaque seuil, une fois par seuil et par mois.",
  wholeAccount: "l'ensemble du compte",
  list: {
    heading: "Budgets de {{month}}",
    intro:
      "Consommation au prix des éditeurs, dans la devise de facturation au taux BCE de la période, hors frais de support et TVA ; prévision au rythme moyen (consommation récurrente à date ÷ jours écoulés × jours du mois ; achats ponctuels et crédits comptés une fois).",
    empty: "Aucun budget pour l'instant.",
    scope: "Périmètre",
    amount: "Budget mensuel",
    actual: "Mois à date",
    forecast: "Prévision fin de mois",
    thresholds: "Seuils",
    alerts: "Alertes envoyées",
    recipients: "Personnes prévenues",
    actions: "Actions",
    noRate: "taux BCE manquant",
    noAlert: "aucune",
    alert: {
      actual: "{{month}} : {{threshold}} % atteints ({{spent}}), le {{at}}",
      forecast: "{{month}} : prévision au-delà de {{threshold}} % ({{spent}}), le {{at}}",
    },
    remove: "Supprimer le budget de {{scope}}",
    removeShort: "Supprimer",
  },
  form: {
    heading: "Fixer un budget",
    intro:
      "Un budget par périmètre : en fixer un de nouveau le remplace. Vérifié aussitôt contre le mois en cours.",
    scope: "Périmètre",
    amount: "Montant mensuel hors TVA ({{currency}})",
    thresholds: "Seuils en pourcentage du budget",
    thresholdsHelp: "Séparés par des virgules, par exemple 50, 80, 100.",
    recipients: "Personnes à prévenir",
    submit: "Enregistrer le budget",
    savedQuiet: "Budget enregistré ; aucun seuil n'est atteint ce mois-ci.",
    saved_one: "Budget enregistré ; {{count}} alerte envoyée tout de suite.",
    saved_other: "Budget enregistré ; {{count}} alertes envoyées tout de suite.",
  },
};

/** The cost explorer (MCR 6.1.2, MCR-BIL-04). */
export const frExplorer = {
  title: "Explorateur de coûts",
  csvFile: "couts-{{from}}-{{to}}.csv",
  intro:
    "Votre consommation entre deux dates, par jour, éditeur, service et région, dans la devise de facturation au taux BCE de chaque période de facturation, hors frais de support et TVA.",
  filters: "Filtres",
  from: "Du",
  to: "Au",
  vendor: "Éditeur",
  service: "Service",
  region: "Région",
  all: "Tous",
  apply: "Afficher",
  csv: "Exporter en CSV",
  total: "Total : {{total}} du {{from}} au {{to}}",
  none: "Aucune consommation sur cette période.",
  amount: "Montant ({{currency}})",
  table: "Montants par service",
  rate: "Taux BCE du {{day}} : 1 € = {{rate}} {{currency}}",
  by: { day: "Par jour", vendor: "Par éditeur", service: "Par service", region: "Par région" },
};
