/**
 * Mails of billing (issue 17), merged into templates.ts: a budget's threshold reached by the month
 * to date or by the forecast to the month's end (MCR 6.1.2 "gestion budgétaire (alertes)"), to the
 * people the customer named on the budget.
 */
export const billingFr = {
  "budget_alert_actual.subject": "Budget {scope} de {month} : {threshold} % atteints",
  "budget_alert_actual.body": `Bonjour {firstName},

La consommation de {organisationName} pour {scope} atteint {spent} HT en {month}, soit {threshold} % du budget mensuel de {budget}{cite}.

Montant au prix des éditeurs, converti dans la devise de facturation au taux BCE de la période, hors frais de support et TVA. Vous ne recevrez plus d'alerte pour ce seuil ce mois-ci.

Budgets et consommation : {publicUrl}/budgets`,

  "budget_alert_forecast.subject": "Budget {scope} de {month} : la prévision dépasse {threshold} %",
  "budget_alert_forecast.body": `Bonjour {firstName},

Au rythme actuel, la consommation de {organisationName} pour {scope} atteindrait {spent} HT à la fin de {month}, soit au moins {threshold} % du budget mensuel de {budget}{cite}.

Prévision au rythme moyen : la consommation récurrente du mois à date divisée par les jours écoulés, multipliée par les jours du mois ; les achats ponctuels et les crédits comptent une fois. Vous ne recevrez plus d'alerte de prévision pour ce seuil ce mois-ci.

Budgets et consommation : {publicUrl}/budgets`,
} as const;

export type BillingMailTextKey = keyof typeof billingFr;

export const billingEn: Record<BillingMailTextKey, string> = {
  "budget_alert_actual.subject": "{scope} budget for {month}: {threshold}% reached",
  "budget_alert_actual.body": `Hello {firstName},

The consumption of {organisationName} for {scope} reaches {spent} excl. VAT in {month}, {threshold}% of the monthly budget of {budget}{cite}.

Amount at the vendors' prices, in the billing currency at the period's ECB rate, before the support fee and VAT. You will not be warned again for this threshold this month.

Budgets and consumption: {publicUrl}/budgets`,

  "budget_alert_forecast.subject": "{scope} budget for {month}: the forecast exceeds {threshold}%",
  "budget_alert_forecast.body": `Hello {firstName},

At the current pace, the consumption of {organisationName} for {scope} would reach {spent} excl. VAT at the end of {month}, at least {threshold}% of the monthly budget of {budget}{cite}.

Run-rate forecast: the month's recurring consumption to date divided by the days elapsed, times the days in the month; one-time purchases and credits count once. You will not be warned again of a forecast for this threshold this month.

Budgets and consumption: {publicUrl}/budgets`,
};

type BudgetAlert = {
  firstName: string;
  organisationName: string;
  /** "l'ensemble du compte" / "the whole account", or the vendor's name. */
  scope: string;
  /** "novembre 2026". */
  month: string;
  threshold: string;
  /** Amounts written for the reader in the contract's currency ("1 000,00 €", "1 000,00 CHF"). */
  budget: string;
  spent: string;
};

/** What each billing mail is rendered from. */
export interface BillingMailParams {
  budget_alert_actual: BudgetAlert;
  budget_alert_forecast: BudgetAlert;
}
