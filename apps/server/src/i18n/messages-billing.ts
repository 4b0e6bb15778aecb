/**
 * Billing (MCR-BIL-01, MCR-BIL-02, MCR-BIL-04): refusals of cost and rate files, French first
 * (merged into messages.ts).
 */
export const billingFr = {
  "billing.focus.refused":
    "{file} : ligne {row}, colonne {column} : {reason}{value}{others}. Rien de ce fichier n'est importé.",
  "billing.focus.refused_file": "{file} : {reason}. Rien de ce fichier n'est importé.",
  "billing.focus.value": " (valeur « {value} »)",
  "billing.focus.others": " ; {count} ligne(s) en tout enfreignent une règle",
  "billing.focus.reason.missing": "vide, alors que FOCUS exige une valeur",
  "billing.focus.reason.text": "vide, alors que FOCUS exige une valeur",
  "billing.focus.reason.amount": "n'est pas un nombre décimal (20 chiffres au plus avant la virgule)",
  "billing.focus.reason.tooPrecise": "plus de 18 décimales",
  "billing.focus.reason.timestamp": "n'est pas une date et heure comme « 2024-09-01T00:00:00Z »",
  "billing.focus.reason.currency": "n'est pas un code de devise ISO 4217 comme « EUR »",
  "billing.focus.reason.oneOf": "n'est pas l'une des valeurs {allowed}",
  "billing.focus.reason.billingPeriodOrder": "n'est pas après BillingPeriodStart",
  "billing.focus.reason.chargePeriodOrder": "est avant ChargePeriodStart",
  "billing.focus.reason.missingColumn": "colonne {column} absente, alors que FOCUS l'exige pour facturer",
  "billing.focus.reason.unreadable": "illisible comme CSV, CSV gzip ou Parquet : {detail}",
  "billing.focus.reason.empty": "aucune ligne de coût",
  "billing.focus.fix.missing":
    "Donnez une valeur à la colonne {column} de cette ligne : FOCUS l'exige pour facturer.",
  "billing.focus.fix.text":
    "Donnez une valeur à la colonne {column} de cette ligne : FOCUS l'exige pour facturer.",
  "billing.focus.fix.amount":
    "Écrivez un nombre décimal avec un point, sans symbole de devise ni séparateur de milliers, comme 12.345.",
  "billing.focus.fix.tooPrecise": "Arrondissez ce montant à 18 décimales au plus.",
  "billing.focus.fix.timestamp": "Écrivez une date et heure ISO 8601 en UTC, comme 2024-09-01T00:00:00Z.",
  "billing.focus.fix.currency": "Écrivez le code ISO 4217 de la devise, en majuscules, comme EUR ou USD.",
  "billing.focus.fix.oneOf": "Remplacez cette valeur par l'une de : {allowed}.",
  "billing.focus.fix.billingPeriodOrder":
    "Vérifiez les dates de cette ligne : BillingPeriodEnd doit être après BillingPeriodStart.",
  "billing.focus.fix.chargePeriodOrder":
    "Vérifiez les dates de cette ligne : ChargePeriodEnd ne peut pas précéder ChargePeriodStart.",
  "billing.focus.fix.missingColumn":
    "Ajoutez la colonne {column} à l'en-tête : exportez les coûts au format FOCUS (1.0 à 1.3).",
  "billing.focus.fix.unreadable":
    "Déposez un fichier CSV (virgules, une ligne d'en-tête), un CSV compressé par gzip ou un fichier Parquet.",
  "billing.focus.fix.empty": "Le fichier n'a aucune ligne de coût : déposez l'export complet.",
  "billing.watch.title": "Fichier de coûts refusé",
  "billing.watch.file": "Fichier",
  "billing.watch.row": "Ligne de données (l'en-tête n'est pas comptée)",
  "billing.watch.column": "Colonne",
  "billing.watch.value": "Valeur",
  "billing.watch.problem": "Problème",
  "billing.watch.fix": "Comment corriger",
  "billing.watch.at": "Refusé le",
  "billing.watch.again":
    "Rien de ce fichier n'est importé. Corrigez-le, puis déposez-le de nouveau dans le dossier surveillé (pas dans refused/).",
  "billing.rates.refused": "{file} : {detail}. Aucun taux de ce fichier n'est importé.",
  "billing.rates.missing":
    "Pas de taux de référence BCE pour {currency} au {day} (ni dans les 7 jours précédents) : importez-le avec « guichet rates import ».",
  "billing.no_files": "Joignez au moins un fichier FOCUS (CSV, CSV gzip ou Parquet).",
  "billing.detail.none": "Aucune ligne de coût importée pour {month}.",
  "billing.detail.preparing":
    "La facturation détaillée de {month} est en préparation après le dernier import : réessayez dans quelques minutes.",
  "budgets.unknown_recipient":
    "Les personnes prévenues sont des utilisateurs de votre organisation, non révoqués.",
  "billing.explorer.range": "La période va d'un jour à un autre, au plus 366 jours plus tard.",
  "invoices.month_not_over":
    "Le mois {month} n'est pas terminé au {day} : il sera facturé à partir du 1er du mois suivant.",
  "invoices.no_invoicing":
    "Le fichier de contrat ne dit rien de la facturation (section invoicing : vendeur, TVA, paiement) : aucune facture n'est émise.",
  "invoices.not_found": "Aucune facture de ce numéro.",
  "invoices.not_an_invoice": "Un avoir ne se corrige pas par un avoir : corrigez la facture.",
  "invoices.amount_out_of_range":
    "Le montant d'un avoir est compris entre 0,01 et le total HT de la facture, dans sa devise.",
} as const;

export type BillingMessageKey = keyof typeof billingFr;

export const billingEn: Record<BillingMessageKey, string> = {
  "billing.focus.refused":
    "{file}: row {row}, column {column}: {reason}{value}{others}. Nothing of this file is imported.",
  "billing.focus.refused_file": "{file}: {reason}. Nothing of this file is imported.",
  "billing.focus.value": ' (value "{value}")',
  "billing.focus.others": "; {count} line(s) in all break a rule",
  "billing.focus.reason.missing": "empty, but FOCUS requires a value",
  "billing.focus.reason.text": "empty, but FOCUS requires a value",
  "billing.focus.reason.amount": "not a decimal number (at most 20 digits before the point)",
  "billing.focus.reason.tooPrecise": "more than 18 decimal places",
  "billing.focus.reason.timestamp": 'not a date and time such as "2024-09-01T00:00:00Z"',
  "billing.focus.reason.currency": 'not an ISO 4217 currency code such as "EUR"',
  "billing.focus.reason.oneOf": "not one of {allowed}",
  "billing.focus.reason.billingPeriodOrder": "not after BillingPeriodStart",
  "billing.focus.reason.chargePeriodOrder": "before ChargePeriodStart",
  "billing.focus.reason.missingColumn": "column {column} is missing, and FOCUS requires it for billing",
  "billing.focus.reason.unreadable": "unreadable as CSV, gzip'd CSV or Parquet: {detail}",
  "billing.focus.reason.empty": "no cost line",
  "billing.focus.fix.missing": "Give column {column} of this line a value: FOCUS requires one for billing.",
  "billing.focus.fix.text": "Give column {column} of this line a value: FOCUS requires one for billing.",
  "billing.focus.fix.amount":
    "Write a decimal number with a point, without a currency symbol or thousands separator, such as 12.345.",
  "billing.focus.fix.tooPrecise": "Round this amount to 18 decimal places at most.",
  "billing.focus.fix.timestamp": "Write an ISO 8601 date and time in UTC, such as 2024-09-01T00:00:00Z.",
  "billing.focus.fix.currency": "Write the currency's ISO 4217 code in capitals, such as EUR or USD.",
  "billing.focus.fix.oneOf": "Replace this value with one of: {allowed}.",
  "billing.focus.fix.billingPeriodOrder":
    "Check this line's dates: BillingPeriodEnd must be after BillingPeriodStart.",
  "billing.focus.fix.chargePeriodOrder":
    "Check this line's dates: ChargePeriodEnd cannot be before ChargePeriodStart.",
  "billing.focus.fix.missingColumn":
    "Add column {column} to the header: export the costs in FOCUS (1.0 to 1.3).",
  "billing.focus.fix.unreadable":
    "Drop a CSV file (commas, one header line), a gzip'd CSV or a Parquet file.",
  "billing.focus.fix.empty": "The file has no cost line: drop the whole export.",
  "billing.watch.title": "Cost file refused",
  "billing.watch.file": "File",
  "billing.watch.row": "Data line (the header is not counted)",
  "billing.watch.column": "Column",
  "billing.watch.value": "Value",
  "billing.watch.problem": "Problem",
  "billing.watch.fix": "How to fix it",
  "billing.watch.at": "Refused on",
  "billing.watch.again":
    "Nothing of this file is imported. Correct it, then drop it again in the watched folder (not in refused/).",
  "billing.rates.refused": "{file}: {detail}. No rate of this file is imported.",
  "billing.rates.missing":
    'No ECB reference rate for {currency} on {day} (nor in the 7 days before): import it with "guichet rates import".',
  "billing.no_files": "Attach at least one FOCUS file (CSV, gzip'd CSV or Parquet).",
  "billing.detail.none": "No cost line imported for {month}.",
  "billing.detail.preparing":
    "The detailed billing of {month} is being prepared after the latest import: try again in a few minutes.",
  "budgets.unknown_recipient": "The people warned are users of your organisation, not revoked.",
  "billing.explorer.range": "The period runs from one day to another, at most 366 days later.",
  "invoices.month_not_over":
    "The month {month} is not over on {day}: it is invoiced from the 1st of the next month.",
  "invoices.no_invoicing":
    "The contract file says nothing of invoicing (invoicing section: seller, VAT, payment): no invoice is issued.",
  "invoices.not_found": "No such invoice.",
  "invoices.not_an_invoice": "A credit note is not corrected by a credit note: correct the invoice.",
  "invoices.amount_out_of_range":
    "A credit note's amount is between 0.01 and the invoice's total excluding VAT, in its currency.",
};
