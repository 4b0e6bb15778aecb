/** Server texts of news and contract versions (issue 18: DSN-POR-01, MCR 8.2.4, GEN-01), French first. */
export const newsFr = {
  "resource.news_item": "actualité",
  "news.no_recipient":
    "Aucun client ne détient ce service aujourd'hui : l'actualité n'atteindrait personne ({clause}). Rien n'a été publié.",
  "news.availability_needs_date":
    "Une annonce de disponibilité donne la date à laquelle le portail ou l'e-service sera disponible ({clause}).",
  "news.date_only_for_availability":
    "Seule une annonce de disponibilité porte une date de disponibilité ({clause}).",
  "news.unknown_item": "Ce service n'est pas au catalogue du contrat.",
  "versions.change.added": "ajouté : {after}",
  "versions.change.removed": "retiré (était : {before})",
  "versions.change.changed": "{before} → {after}",
} as const;

export type NewsMessageKey = keyof typeof newsFr;

export const newsEn: Record<NewsMessageKey, string> = {
  "resource.news_item": "news item",
  "news.no_recipient":
    "No customer holds this service today: the news would reach nobody ({clause}). Nothing was published.",
  "news.availability_needs_date":
    "An availability announcement gives the date the portal or the e-service becomes available ({clause}).",
  "news.date_only_for_availability":
    "Only an availability announcement carries an availability date ({clause}).",
  "news.unknown_item": "This service is not in the contract's catalogue.",
  "versions.change.added": "added: {after}",
  "versions.change.removed": "removed (was: {before})",
  "versions.change.changed": "{before} → {after}",
};
