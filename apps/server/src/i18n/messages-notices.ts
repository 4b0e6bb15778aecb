/** Server texts of changes with notice (issue 18: MCR-BIL-05, DSN-BIL-01, DSN-BIL-02), French first. */
export const noticesFr = {
  "resource.notice": "avis",
  "resource.contract_change": "changement",
  "notice.not_in_contract":
    "Le contrat ne prévoit pas de changement de ce type ({kind}) : rien n'a été annoncé.",
  "notice.no_affected_customer":
    "Aucun client n'est concerné : personne ne détient ce qui change, ou le prix ne bouge pour personne ({clause}). Rien n'a été annoncé.",
  "notice.notice_set_elsewhere":
    "Le préavis de ce changement est fixé par un autre document que le contrat ({clause}) : il ne peut être calculé ici.",
  "notice.inside_notice":
    "Date d'effet refusée : elle tombe dans le préavis ({clause}, {direction}). Date la plus proche permise aujourd'hui : le {earliest}.",
  "notice.not_first_of_month":
    "Les prix révisés prennent effet le 1er d'un mois ({clause}) : choisissez un 1er, le {earliest} au plus tôt.",
  "notice.price_not_revisable":
    "« {priceKey} » n'est pas un prix révisable ici : ni le prix d'une offre de support en pourcentage, ni celui d'un e-service fixé par ses Conditions Spécifiques.",
  "notice.no_conditions":
    "« {priceKey} » n'a pas de Conditions Spécifiques en vigueur à cette date : enregistrez-les d'abord.",
  "notice.price_needs_value": "Donnez la nouvelle valeur du prix « {priceKey} ».",
  "notice.already_announced":
    "Ce changement est déjà annoncé ({clause}) : « {title} », à compter du {effectiveFrom}. Rien n'a été annoncé deux fois.",
  "notice.no_signature": "Ce changement ne demande pas de signature.",
  "notice.signature_right":
    "Seul un administrateur de l'organisation signe une nouvelle version pour elle ({clause}).",
  "notice.no_termination_right":
    "Ce changement n'ouvre pas de droit de résiliation sans pénalité pour votre organisation.",
  "notice.subscription_not_concerned":
    "Cet abonnement n'est pas concerné par la hausse annoncée ({clause}) ou n'est plus en cours.",
  "notice.conditions_notice_undefined":
    "Les Conditions Spécifiques en vigueur de « {item} » ne définissent pas le préavis de leur modification (DSN 10.2, {clause}) : il ne peut être calculé. Enregistrez d'abord une version qui ne change que ce préavis (« préavis de modification », en mois) : elle est notifiée par courrier électronique et s'applique à sa date d'effet ; les autres termes suivront avec ce préavis. Un changement du seul prix reste possible, avec le préavis des prix.",
  "notice.conditions.body": "Nouvelle version des Conditions Spécifiques de {item} : {terms}.",
  "notice.conditions.price": "prix mensuel {before} → {after}",
  "notice.conditions.minimum": "engagement minimum {before} → {after} mois",
  "notice.conditions.termination": "préavis de résiliation {before} → {after} mois",
  "notice.conditions.maintenance": "préavis de maintenance {before} → {after} jours",
  "notice.conditions.change": "préavis de modification {before} → {after} mois",
  "notice.conditions.document": "document {before} → {after}",
  "notice.direction.increase": "hausse",
  "notice.direction.decrease": "baisse",
  "notice.direction.unchanged": "modification",
  "notice.summary.prices": "Prix concernés : {prices}.",
  "notice.summary.letter": "Le courrier de notification est à télécharger dans le portail.",
  "notice.summary.signature":
    "Cette nouvelle version doit être signée par les deux Parties : signez-la dans le portail.",
  "notice.summary.termination":
    "Si cette modification vous porte préjudice, vous pouvez résilier l'e-service concerné sans pénalité jusqu'au {effectiveFrom}, dans le portail.",
} as const;

export type NoticesMessageKey = keyof typeof noticesFr;

export const noticesEn: Record<NoticesMessageKey, string> = {
  "resource.notice": "notice",
  "resource.contract_change": "change",
  "notice.not_in_contract":
    "The contract provides for no change of this kind ({kind}): nothing was announced.",
  "notice.no_affected_customer":
    "No customer is concerned: nobody holds what changes, or the price moves for nobody ({clause}). Nothing was announced.",
  "notice.notice_set_elsewhere":
    "This change's notice is set by another document than the contract ({clause}): it cannot be computed here.",
  "notice.inside_notice":
    "Effective date refused: it falls within the notice ({clause}, {direction}). Earliest date allowed today: {earliest}.",
  "notice.not_first_of_month":
    "Revised prices take effect on the 1st of a month ({clause}): choose a 1st, {earliest} at the earliest.",
  "notice.price_not_revisable":
    "\"{priceKey}\" is not a price revised here: neither a support plan's percentage nor an e-service's price set by its specific conditions.",
  "notice.no_conditions": '"{priceKey}" has no specific conditions in force on that date: record them first.',
  "notice.price_needs_value": 'Give the new value of the price "{priceKey}".',
  "notice.already_announced":
    'This change is already announced ({clause}): "{title}", from {effectiveFrom}. Nothing was announced twice.',
  "notice.no_signature": "This change needs no signature.",
  "notice.signature_right":
    "Only an administrator of the organisation signs a new version for it ({clause}).",
  "notice.no_termination_right":
    "This change opens no right to terminate without penalty for your organisation.",
  "notice.subscription_not_concerned":
    "This subscription is not concerned by the announced increase ({clause}) or has ended.",
  "notice.conditions_notice_undefined":
    'The specific conditions of "{item}" in force define no notice for their own change (DSN 10.2, {clause}): it cannot be computed. First record a version that changes only that notice ("change notice", in months): it is notified by e-mail and applies on its effective date; the other terms follow with that notice. A change of the price alone remains possible, with the price notice.',
  "notice.conditions.body": "New version of the specific conditions of {item}: {terms}.",
  "notice.conditions.price": "monthly price {before} → {after}",
  "notice.conditions.minimum": "minimum commitment {before} → {after} months",
  "notice.conditions.termination": "termination notice {before} → {after} months",
  "notice.conditions.maintenance": "maintenance notice {before} → {after} days",
  "notice.conditions.change": "change notice {before} → {after} months",
  "notice.conditions.document": "document {before} → {after}",
  "notice.direction.increase": "increase",
  "notice.direction.decrease": "decrease",
  "notice.direction.unchanged": "change",
  "notice.summary.prices": "Prices concerned: {prices}.",
  "notice.summary.letter": "The notification letter is available to download in the portal.",
  "notice.summary.signature": "This new version must be signed by both parties: sign it in the portal.",
  "notice.summary.termination":
    "If this change harms you, you may terminate the e-service concerned without penalty until {effectiveFrom}, in the portal.",
};
