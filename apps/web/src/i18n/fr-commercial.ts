/**
 * Customers, their import, specific conditions (issue 16), French first (en-commercial.ts has
 * exactly these keys). Refusals come from the server, already worded.
 */
export const frCommercial = {
  title: "Clients",
  intro: "Les clients du fournisseur : identifiants d'entreprise, facturation et administrateur invité.",
  fields: {
    legalName: "Raison sociale",
    siren: "SIREN",
    sirenHelp: "9 chiffres ; la clé (dernier chiffre) est vérifiée.",
    siret: "SIRET (établissement facturé)",
    vatNumber: "Numéro de TVA intracommunautaire",
    vatHelp: "Pour la France : FR, une clé calculée sur le SIREN, puis le SIREN.",
    billingAddress: "Adresse de facturation",
    billingPostalCode: "Code postal",
    billingCity: "Ville",
    billingEmail: "E-mail de facturation",
    country: "Pays d'établissement",
    countryHelp: "Il décide des identifiants demandés et de la TVA facturée (autoliquidation, hors UE).",
    registrationNumber: "Numéro d'immatriculation (facultatif)",
    registrationHelp: "Tel que le registre du commerce du pays l'écrit.",
    vatHelpEu:
      "Le numéro de TVA de cet État membre, par exemple {{example}} ; avec lui, la TVA est autoliquidée par le client.",
    vatHelpOutsideEu: "Facultatif hors de l'Union européenne : le numéro de TVA du pays, s'il en a un.",
    locale: "Langue des courriels",
  },
  create: {
    heading: "Nouveau client",
    intro: "L'administrateur reçoit par e-mail un lien à usage unique pour choisir son mot de passe.",
    billing: "Facturation",
    administrator: "Administrateur du client",
    submit: "Créer le client",
    done: "Client « {{name}} » créé ; l'invitation est partie à {{email}}.",
  },
  import: {
    heading: "Importer des clients existants (CSV)",
    intro:
      "Tout ou rien : si une ligne est refusée, rien n'est importé et le rapport dit quoi corriger, ligne par ligne.",
    columns:
      "Colonnes (séparateur ; ou ,) : raison_sociale, pays, siren (en France), siret, numero_immatriculation, tva_intracommunautaire, adresse_facturation, code_postal, ville, email_facturation, admin_email, admin_prenom, admin_nom, admin_langue.",
    file: "Fichier CSV",
    submit: "Importer",
    report: "Rapport des lignes refusées",
    line: "Ligne",
    column: "Colonne",
    problem: "Problème et correction",
    done_one: "{{count}} client importé ; son administrateur est invité.",
    done_other: "{{count}} clients importés ; leurs administrateurs sont invités.",
  },
  list: {
    heading: "Clients",
    empty: "Aucun client pour l'instant.",
    billing: "Facturation",
    identifier: "SIREN ou immatriculation",
    vies: {
      not_checked: "numéro de TVA non vérifié auprès de VIES",
      valid: "numéro de TVA vérifié auprès de VIES",
      invalid: "numéro de TVA inconnu de VIES : à vérifier avec le client",
    },
  },
};
