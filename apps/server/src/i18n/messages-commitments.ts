/**
 * Subscriptions, plan changes and terminations (issue 16: MCR-SUP-02, DSN-ORD-04, MCR-ORD-02,
 * MCR-ORD-03, MCR-ACC-06): explanations and refusals, French first (merged into messages.ts).
 */
export const commitmentsFr = {
  "commitments.plan_in_force":
    "{plan} en vigueur depuis le {since}. {commitment} Tout changement prend effet au début du mois calendaire suivant ({clause}).",
  "commitments.plan_committed":
    "Engagement jusqu'au {end} : d'ici là, l'offre ne peut que monter en gamme, ce qui engage à nouveau pour six mois.",
  "commitments.plan_free": "Sans engagement en cours : l'offre peut changer dans les deux sens.",
  "commitments.plan_default": "{plan}, l'offre incluse par défaut ({clause}).",
  "commitments.change_to_come": "Passage à {plan} le {from}{commitment} ({clause}).",
  "commitments.change_commitment": ", engagé jusqu'au {end}",
  "commitments.vendor_refused":
    "Accès refusé par le fournisseur le {date} : seul le service de ce fournisseur prend fin ({clause}). Motif : {reason}",
  "commitments.subscription_not_found": "Cet abonnement n'est pas en cours chez ce client.",
  "commitments.already_terminated": "Le contrat de ce client n'a plus aucun abonnement en cours.",
  "commitments.not_a_vendor":
    "Seul l'abonnement à un fournisseur cloud peut être suspendu ou refusé par ce fournisseur ({clause}).",
  "commitments.vendor_unchanged": "Cet abonnement est déjà dans cet état.",
  "commitments.transfer_needs_termination":
    "Le transfert des comptes se demande dans le cadre de la résiliation du service ({clause}) : aucune résiliation n'est enregistrée.",
  "commitments.transfer_answered": "Cette demande de transfert a déjà reçu son devis.",
  "resource.subscription": "abonnement",
  "resource.termination": "résiliation",
  "resource.staff_task": "tâche",
  "resource.transfer_request": "demande de transfert",
} as const;

export const commitmentsEn: Record<keyof typeof commitmentsFr, string> = {
  "commitments.plan_in_force":
    "{plan} in force since {since}. {commitment} Any change takes effect at the start of the next calendar month ({clause}).",
  "commitments.plan_committed":
    "Committed until {end}: until then the plan can only move up, which commits again for six months.",
  "commitments.plan_free": "No commitment running: the plan can change either way.",
  "commitments.plan_default": "{plan}, the plan included by default ({clause}).",
  "commitments.change_to_come": "Change to {plan} on {from}{commitment} ({clause}).",
  "commitments.change_commitment": ", committed until {end}",
  "commitments.vendor_refused":
    "Access refused by the vendor on {date}: only that vendor's service ends ({clause}). Reason: {reason}",
  "commitments.subscription_not_found": "This subscription is not running for this customer.",
  "commitments.already_terminated": "This customer's contract has no running subscription left.",
  "commitments.not_a_vendor":
    "Only a cloud vendor's subscription can be suspended or refused by that vendor ({clause}).",
  "commitments.vendor_unchanged": "This subscription is already in that state.",
  "commitments.transfer_needs_termination":
    "A transfer of the accounts is asked for as part of terminating the service ({clause}): no termination is recorded.",
  "commitments.transfer_answered": "This transfer request already has its quote.",
  "resource.subscription": "subscription",
  "resource.termination": "termination",
  "resource.staff_task": "task",
  "resource.transfer_request": "transfer request",
};
