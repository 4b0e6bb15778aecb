/** Server texts of orders, vendor accounts, documents and quotas (issue 16), French first. */
export const ordersFr = {
  "resource.order": "commande",
  "resource.quota": "quota",
  "order.unknown_item": "Élément inconnu du catalogue du contrat : « {item} ».",
  "order.not_orderable":
    "« {item} » ne se commande pas ici : il est fourni avec le contrat ou n'est pas de ce type de commande.",
  "order.not_eligible":
    "Commande refusée ({clause}) : aucun contrat d'offre de gros en vigueur de l'opérateur ne permet « {item} ». Contrats détenus : {held}.",
  "order.vendor_terms_not_accepted":
    "Acceptez les conditions du fournisseur cloud ({url}) pour commander : elles s'appliquent au compte commandé ({clause}).",
  "order.unknown_plan": "Offre de support inconnue du contrat : « {plan} ».",
  "order.plan_held":
    "Votre offre de support est {held} : un nouveau compte cloud la garde. Pour passer à {plan}, demandez un changement d'offre depuis la page Abonnements ({clause}).",
  "order.already_ordered": "Une commande de cet élément est déjà en cours ou détenue : {reference}.",
  "order.idempotency_mismatch": "Cette clé d'idempotence a déjà servi à une autre commande ({reference}).",
  "order.wrong_status": "La commande {reference} est déjà « {status} » ({by}, {at}) : rien n'a été changé.",
  "order.document_mismatch":
    "Le document signé n'est pas ce Bon de Commande : son empreinte SHA-256 diffère. Rechargez le Bon de Commande et signez-le à nouveau.",
  "order.not_a_pdf": "Le scan signé doit être un fichier PDF.",
  "order.activation_before_reception":
    "La date d'activation ne peut précéder la réception du Bon de Commande, le {received} ({clause}).",
  "order.not_a_cloud_account":
    "Cette commande n'est pas celle d'un compte cloud : elle s'active par son Bon de Commande.",
  "order.not_an_order_form": "Cette commande n'a pas de Bon de Commande à signer ou à activer.",
  "order.vendor_account_taken":
    "Le compte fournisseur « {vendorAccountId} » est déjà enregistré pour un client.",
  "order.unknown_items": "Éléments inconnus du catalogue du contrat : {items}.",
  "quota.exists": "Un quota « {resource} » existe déjà pour ce fournisseur : modifiez-le.",
  "quota.not_an_increase": "La demande doit dépasser le quota actuel ({maximum}).",
  "quota.request_decided": "Cette demande est déjà « {status} » : rien n'a été changé.",
  "quota.not_a_vendor": "« {item} » n'est pas une solution cloud du catalogue ({clause}).",
};

export const ordersEn: Record<keyof typeof ordersFr, string> = {
  "resource.order": "order",
  "resource.quota": "quota",
  "order.unknown_item": 'Not an item of the contract\'s catalogue: "{item}".',
  "order.not_orderable":
    '"{item}" is not ordered here: it comes with the contract or is not this kind of order.',
  "order.not_eligible":
    'Order refused ({clause}): none of the operator\'s wholesale contracts in force allows "{item}". Contracts held: {held}.',
  "order.vendor_terms_not_accepted":
    "Accept the cloud vendor's conditions ({url}) to order: they apply to the account ordered ({clause}).",
  "order.unknown_plan": 'Not a support plan of the contract: "{plan}".',
  "order.plan_held":
    "Your support plan is {held}: a new cloud account keeps it. To move to {plan}, ask for a plan change from the Subscriptions page ({clause}).",
  "order.already_ordered": "An order of this item is already in progress or held: {reference}.",
  "order.idempotency_mismatch": "This idempotency key was already used for another order ({reference}).",
  "order.wrong_status": 'Order {reference} is already "{status}" ({by}, {at}): nothing was changed.',
  "order.document_mismatch":
    "The document signed is not this order form: its SHA-256 differs. Reload the order form and sign it again.",
  "order.not_a_pdf": "The signed scan must be a PDF file.",
  "order.activation_before_reception":
    "The activation date cannot come before the order form was received, on {received} ({clause}).",
  "order.not_a_cloud_account": "This order is not a cloud account's: it is activated through its order form.",
  "order.not_an_order_form": "This order has no order form to sign or activate.",
  "order.vendor_account_taken": 'The vendor account "{vendorAccountId}" is already recorded for a customer.',
  "order.unknown_items": "Not items of the contract's catalogue: {items}.",
  "quota.exists": 'A "{resource}" quota already exists for this vendor: change it instead.',
  "quota.not_an_increase": "The request must exceed the current quota ({maximum}).",
  "quota.request_decided": 'This request is already "{status}": nothing was changed.',
  "quota.not_a_vendor": '"{item}" is not a cloud solution of the catalogue ({clause}).',
};
