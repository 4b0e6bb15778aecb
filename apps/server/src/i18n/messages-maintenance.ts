/**
 * Scheduled maintenance (DSN-SUP-07), portal outages (MCR-SUP-03, DSN-SUP-08) and the desk's SLA
 * reports (MCR-SUP-06): refusals and labels, French first (merged into messages.ts).
 */
export const maintenanceFr = {
  "maintenance.not_in_contract":
    "Le contrat de ce portail ne prévoit pas de maintenance programmée annoncée : rien ne peut être annoncé.",
  "maintenance.unknown_service": "Service inconnu du catalogue du contrat : « {item} ».",
  "maintenance.ends_before_start": "La fin de la maintenance doit suivre son début ({clause}).",
  "maintenance.duration_exceeds_window":
    "La durée prévue ({expected} min) dépasse la plage annoncée ({window} min) ({clause}).",
  "maintenance.notice_too_short":
    "Préavis insuffisant : une maintenance s'annonce {notice} à l'avance ; celle-ci pourrait commencer au plus tôt le {earliestStart} ({clause}).",
  "maintenance.notice.contract": "Préavis : {notice}, fixé par le contrat ({clause}).",
  "maintenance.notice.contract_none": "Sans préavis : le contrat n'en demande pas ({clause}).",
  "maintenance.notice.specific_conditions": "Préavis : {notice}, selon {document} ({clause}).",
  "maintenance.notice.specific_conditions_none": "Sans préavis : {document} n'en demandent pas ({clause}).",
  "maintenance.notice.not_stated":
    "Aucune règle de préavis appliquée : le préavis est celui des Conditions Spécifiques de cet e-service, et aucune n'est enregistrée ({clause}).",
  "maintenance.notice.not_stated_in":
    "Aucune règle de préavis appliquée : le préavis est celui des Conditions Spécifiques de cet e-service, et {document} n'en indiquent pas ({clause}).",
  "maintenance.already_cancelled": "Cette maintenance est déjà annulée.",
  "maintenance.already_over": "Cette maintenance est terminée : elle ne peut plus être annulée.",
  "outage.overlaps": "Une indisponibilité du portail est déjà déclarée sur cette période ({clause}).",
  "outage.ends_before_start": "La fin de l'indisponibilité doit suivre son début.",
  "outage.already_ended": "Cette indisponibilité du portail est déjà terminée.",
  "resource.maintenance": "maintenance programmée",
  "resource.portal_outage": "indisponibilité du portail",
  "report.organisation_required": "Indiquez l'organisation cliente du rapport (organisationId).",
  "report.month_range": "Période invalide : de {from} à {to}, dans l'ordre et sur {max} mois au plus.",
  "report.csv.month": "Mois",
  "report.csv.organisation": "Organisation",
  "report.csv.priority": "Priorité",
  "report.csv.all_priorities": "Toutes priorités",
  "report.csv.counted": "Demandes comptées",
  "report.csv.met": "Délai respecté",
  "report.csv.breached": "Délai dépassé",
  "report.csv.running": "En cours",
  "report.csv.answered": "Prises en charge",
  "report.csv.median": "Médiane (minutes ouvrées)",
  "report.csv.p90": "90e centile (minutes ouvrées)",
  "report.csv.excluded_maintenance": "Exclues : maintenance programmée",
  "report.csv.excluded_outOfScope": "Exclues : hors périmètre",
  "report.csv.excluded_slaNotApplicable": "Exclues : sans engagement de délai",
  "report.csv.excluded_noTarget": "Exclues : pas d'objectif pour l'offre",
  "report.csv.plan": "Offre",
  "report.csv.mean": "Temps de réponse moyen initial (minutes ouvrées)",
  "report.csv.mean_target": "Objectif MTTI",
  "report.csv.mean_met": "Moyenne dans l'objectif",
  "report.csv.yes": "Oui",
  "report.csv.no": "Non",
} as const;

export type MaintenanceMessageKey = keyof typeof maintenanceFr;

export const maintenanceEn: Record<MaintenanceMessageKey, string> = {
  "maintenance.not_in_contract":
    "This portal's contract provides no announced scheduled maintenance: nothing can be announced.",
  "maintenance.unknown_service": 'Service not in the contract\'s catalogue: "{item}".',
  "maintenance.ends_before_start": "The maintenance must end after it starts ({clause}).",
  "maintenance.duration_exceeds_window":
    "The expected duration ({expected} min) exceeds the announced window ({window} min) ({clause}).",
  "maintenance.notice_too_short":
    "Notice too short: maintenance is announced {notice} ahead; this one could start on {earliestStart} at the earliest ({clause}).",
  "maintenance.notice.contract": "Notice: {notice}, set by the contract ({clause}).",
  "maintenance.notice.contract_none": "No notice: the contract asks for none ({clause}).",
  "maintenance.notice.specific_conditions": "Notice: {notice}, under {document} ({clause}).",
  "maintenance.notice.specific_conditions_none": "No notice: {document} ask for none ({clause}).",
  "maintenance.notice.not_stated":
    "No notice rule applied: the notice is the one in this e-service's specific conditions, and none are recorded ({clause}).",
  "maintenance.notice.not_stated_in":
    "No notice rule applied: the notice is the one in this e-service's specific conditions, and {document} state none ({clause}).",
  "maintenance.already_cancelled": "This maintenance is already cancelled.",
  "maintenance.already_over": "This maintenance is over: it can no longer be cancelled.",
  "outage.overlaps": "A portal outage is already declared over this period ({clause}).",
  "outage.ends_before_start": "The outage must end after it starts.",
  "outage.already_ended": "This portal outage has already ended.",
  "resource.maintenance": "scheduled maintenance",
  "resource.portal_outage": "portal outage",
  "report.organisation_required": "Say which customer organisation the report is about (organisationId).",
  "report.month_range": "Invalid period: from {from} to {to}, in order and over {max} months at most.",
  "report.csv.month": "Month",
  "report.csv.organisation": "Organisation",
  "report.csv.priority": "Priority",
  "report.csv.all_priorities": "All priorities",
  "report.csv.counted": "Tickets counted",
  "report.csv.met": "Target met",
  "report.csv.breached": "Target breached",
  "report.csv.running": "Running",
  "report.csv.answered": "Answered",
  "report.csv.median": "Median (business minutes)",
  "report.csv.p90": "90th percentile (business minutes)",
  "report.csv.excluded_maintenance": "Excluded: scheduled maintenance",
  "report.csv.excluded_outOfScope": "Excluded: out of scope",
  "report.csv.excluded_slaNotApplicable": "Excluded: no response commitment",
  "report.csv.excluded_noTarget": "Excluded: no target in the plan",
  "report.csv.plan": "Plan",
  "report.csv.mean": "Mean initial response time (business minutes)",
  "report.csv.mean_target": "MTTI target",
  "report.csv.mean_met": "Mean within the target",
  "report.csv.yes": "Yes",
  "report.csv.no": "No",
};
