/**
 * Scheduled maintenance (DSN-SUP-07) and portal outages (MCR-SUP-03, DSN-SUP-08), French first
 * (en-maintenance.ts has exactly these keys). Refusals come from the server, already worded.
 */
export const frMaintenance = {
  title: "Maintenance et disponibilité",
  intro:
    "Les maintenances programmées des services, annoncées aux clients qui les détiennent, et les indisponibilités du portail.",
  notInContract:
    "Le contrat de ce portail ne prévoit pas d'annonce de maintenance programmée : seule l'indisponibilité du portail se déclare ici.",
  customerTitle: "Maintenances programmées",
  customerIntro:
    "Les maintenances annoncées des services que votre organisation détient, en cours ou à venir. Une maintenance programmée n'est pas un incident.",
  inParisTime: "{{period}} (heure de Paris)",
  expectedText: "Interruption prévue : {{duration}}",
  announcedAt: "Annoncée le {{date}}",
  states: { upcoming: "À venir", in_progress: "En cours", over: "Terminée", cancelled: "Annulée" },
  told_one: "{{count}} personne prévenue par e-mail",
  told_other: "{{count}} personnes prévenues par e-mail",
  customers_one: "{{count}} client",
  customers_other: "{{count}} clients",
  announce: {
    heading: "Annoncer une maintenance",
    intro:
      "Les clients qui détiennent le service en sont prévenus par e-mail et sur le portail. Le préavis du contrat s'applique : une annonce trop tardive est refusée.",
    service: "Service",
    chooseService: "Choisissez un service",
    title: "Titre",
    description: "Description",
    descriptionHint: "Ce qui sera interrompu, et ce que les clients doivent prévoir",
    startsAt: "Début",
    endsAt: "Fin au plus tard",
    expectedMinutes: "Interruption prévue (minutes)",
    expectedHint: "Durée pendant laquelle le service sera coupé, dans la période",
    submit: "Annoncer la maintenance",
    done: "Maintenance annoncée : {{told}}, chez {{customers}}.",
    earliest: "Décaler le début au {{date}}",
  },
  list: {
    heading: "Maintenances annoncées",
    intro: "En cours ou à venir, la plus proche d'abord.",
    empty: "Aucune maintenance en cours ou à venir.",
    cancel: "Annuler…",
    cancelLabel: "Annuler la maintenance « {{title}} »",
  },
  history: {
    heading: "Maintenances passées et annulées",
    intro: "Terminées ou annulées, la plus récente d'abord (par date de début).",
    empty: "Aucune maintenance passée ou annulée.",
    cancelledBy: "Annulée le {{date}} par {{by}}.",
    cancelled: "Annulée le {{date}}.",
    reason: "Motif : {{reason}}",
    more: "Afficher les suivantes",
  },
  cancel: {
    title: "Annuler la maintenance « {{title}} »",
    intro: "Les clients qui détiennent le service sont prévenus de l'annulation, avec son motif.",
    reasonHint: "Envoyé aux clients avec l'annulation",
    confirm: "Annuler la maintenance",
    keep: "Ne pas annuler",
    done: "Maintenance « {{title}} » annulée : {{told}}, chez {{customers}}.",
  },
  notice: {
    heading_one: "Maintenance programmée",
    heading_other: "Maintenances programmées",
    item: "{{service}} — {{title}} : {{period}} (heure de Paris), interruption prévue {{duration}}.",
    link: "Voir le détail des maintenances",
  },
  outage: {
    heading: "Indisponibilité du portail",
    intro:
      "Tant que le portail est déclaré indisponible, les clients peuvent écrire par e-mail au lieu du portail.",
    infoOnly:
      "Le contrat ne lie aucun canal à l'indisponibilité du portail : la déclarer n'est qu'une information.",
    none: "Aucune indisponibilité déclarée : le portail est disponible.",
    current: "Portail déclaré indisponible depuis le {{date}}.",
    until: "Fin prévue : {{date}}.",
    reason: "Motif : {{reason}}",
    declareHeading: "Déclarer le portail indisponible",
    reasonLabel: "Motif",
    reasonHint: "Ce qui empêche les clients d'utiliser le portail",
    endsAt: "Fin prévue (facultatif)",
    endsHint: "Sans fin prévue, jusqu'à ce que vous y mettiez fin.",
    declare: "Déclarer l'indisponibilité",
    end: "Mettre fin à l'indisponibilité",
    ended: "Le portail est de nouveau disponible.",
  },
};
