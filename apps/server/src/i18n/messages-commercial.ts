/**
 * Customers, their CSV import and specific conditions (issue 16): refusals naming the field or the
 * clause, French first (merged into messages.ts).
 */
export const commercialFr = {
  "customer.field.legalName": "Raison sociale",
  "customer.field.siren": "SIREN",
  "customer.field.siret": "SIRET",
  "customer.field.vatNumber": "Numéro de TVA intracommunautaire",
  "customer.field.billingAddress": "Adresse de facturation",
  "customer.field.billingPostalCode": "Code postal de facturation",
  "customer.field.billingCity": "Ville de facturation",
  "customer.field.billingCountry": "Pays d'établissement",
  "customer.field.billingEmail": "E-mail de facturation",
  "customer.field.administrator.email": "E-mail de l'administrateur",
  "customer.field.administrator.firstName": "Prénom de l'administrateur",
  "customer.field.administrator.lastName": "Nom de l'administrateur",
  "customer.field.administrator.locale": "Langue de l'administrateur",
  "customer.field.header": "Ligne d'en-tête",
  "customer.hint.siren": "9 chiffres dont le dernier est une clé (contrôle de Luhn)",
  "customer.hint.siret": "14 chiffres : le SIREN puis le numéro d'établissement, clé de Luhn comprise",
  "customer.hint.vatNumber": "FR, une clé de 2 chiffres calculée sur le SIREN, puis le SIREN",
  "customer.hint.billingPostalCode": "5 chiffres, par exemple 79000",
  "customer.hint.billingCountry": "un code pays ISO de 2 lettres, par exemple FR, BE ou CH",
  "customer.hint.email": "une adresse e-mail, par exemple compta@exemple.fr",
  "customer.field.registrationNumber": "Numéro d'immatriculation (hors de France)",
  "customer.hint.registrationNumber":
    "jusqu'à 50 lettres ou chiffres, espaces, points, tirets ou barres obliques, tel que le registre du pays l'écrit",
  "customer.hint.vatNumberOf": "le numéro de TVA de l'État membre du client, par exemple {example}",
  "customer.hint.vatNumberAbroad":
    "le code du pays puis le numéro, par exemple {example} ; hors de l'Union européenne, il peut rester vide",
  "customer.problem.siren_required":
    "{field} : obligatoire pour un client établi en France ({hint}). Un client établi à l'étranger : choisissez son pays.",
  "customer.hint.locale": "fr ou en",
  "customer.hint.header":
    "les colonnes raison_sociale, pays, siren, siret, numero_immatriculation, tva_intracommunautaire, adresse_facturation, code_postal, ville, pays, email_facturation, admin_email, admin_prenom, admin_nom, admin_langue",
  "customer.problem.required": "{field} : champ obligatoire.",
  "customer.problem.format": "{field} : « {value} » n'a pas la forme attendue ({hint}).",
  "customer.problem.key":
    "{field} : la clé de contrôle de « {value} » est fausse ; vérifiez le numéro ({hint}).",
  "customer.problem.vat_key":
    "{field} : la clé de « {value} » est fausse ; pour ce SIREN le numéro est {expected}.",
  "customer.problem.mismatch": "{field} : « {value} » n'est pas celui de ce SIREN (attendu : {expected}).",
  "customer.problem.duplicate": "{field} : « {value} » figure déjà plus haut dans le fichier ({expected}).",
  "customer.problem.taken_siren": "{field} : un client de SIREN {value} existe déjà.",
  "customer.problem.taken_email":
    "{field} : {value} a déjà un identifiant ; un seul identifiant par personne.",
  "customer.problem.line": "Ligne {line}, colonne {column} : {problem}",
  "customer.refused": "Client refusé : {problems}",
  "customer.import_refused":
    "Import refusé, rien n'a été importé : {count} problème(s). Corrigez le fichier et importez-le à nouveau. {first}",
  "customer.import_empty": "Le fichier ne contient aucun client (seulement l'en-tête, ou rien).",
  "conditions.unknown_item": "Élément inconnu du catalogue du contrat : « {item} ».",
  "conditions.not_specific":
    "Le contrat ne renvoie pas aux Conditions Spécifiques pour « {item} » : ses prix et délais y sont écrits.",
  "conditions.exists": "Des Conditions Spécifiques de « {item} » prennent déjà effet le {date}.",
  "resource.customer": "client",
};

export const commercialEn: Record<keyof typeof commercialFr, string> = {
  "customer.field.legalName": "Legal name",
  "customer.field.siren": "SIREN",
  "customer.field.siret": "SIRET",
  "customer.field.vatNumber": "Intra-community VAT number",
  "customer.field.billingAddress": "Billing address",
  "customer.field.billingPostalCode": "Billing postal code",
  "customer.field.billingCity": "Billing city",
  "customer.field.billingCountry": "Country of establishment",
  "customer.field.billingEmail": "Billing e-mail",
  "customer.field.administrator.email": "Administrator's e-mail",
  "customer.field.administrator.firstName": "Administrator's first name",
  "customer.field.administrator.lastName": "Administrator's last name",
  "customer.field.administrator.locale": "Administrator's language",
  "customer.field.header": "Header line",
  "customer.hint.siren": "9 digits, the last one a key (Luhn check)",
  "customer.hint.siret": "14 digits: the SIREN then the establishment number, Luhn key included",
  "customer.hint.vatNumber": "FR, a 2-digit key computed from the SIREN, then the SIREN",
  "customer.hint.billingPostalCode": "5 digits, e.g. 79000",
  "customer.hint.billingCountry": "a 2-letter ISO country code, e.g. FR, BE or CH",
  "customer.hint.email": "an e-mail address, e.g. billing@example.fr",
  "customer.field.registrationNumber": "Registration number (outside France)",
  "customer.hint.registrationNumber":
    "up to 50 letters or digits, spaces, dots, dashes or slashes, as the country's register writes it",
  "customer.hint.vatNumberOf": "the VAT number of the customer's member state, e.g. {example}",
  "customer.hint.vatNumberAbroad":
    "the country code then the number, e.g. {example}; outside the European Union it may be left empty",
  "customer.problem.siren_required":
    "{field}: required for a customer established in France ({hint}). A customer established abroad: choose its country.",
  "customer.hint.locale": "fr or en",
  "customer.hint.header":
    "the columns raison_sociale, pays, siren, siret, numero_immatriculation, tva_intracommunautaire, adresse_facturation, code_postal, ville, pays, email_facturation, admin_email, admin_prenom, admin_nom, admin_langue",
  "customer.problem.required": "{field}: required.",
  "customer.problem.format": '{field}: "{value}" is not in the expected form ({hint}).',
  "customer.problem.key": '{field}: the check key of "{value}" is wrong; check the number ({hint}).',
  "customer.problem.vat_key":
    '{field}: the key of "{value}" is wrong; for this SIREN the number is {expected}.',
  "customer.problem.mismatch": '{field}: "{value}" is not this SIREN\'s (expected: {expected}).',
  "customer.problem.duplicate": '{field}: "{value}" is already higher up in the file ({expected}).',
  "customer.problem.taken_siren": "{field}: a customer with SIREN {value} already exists.",
  "customer.problem.taken_email": "{field}: {value} already has an identifier; one identifier per person.",
  "customer.problem.line": "Line {line}, column {column}: {problem}",
  "customer.refused": "Customer refused: {problems}",
  "customer.import_refused":
    "Import refused, nothing was imported: {count} problem(s). Fix the file and import it again. {first}",
  "customer.import_empty": "The file holds no customer (only the header, or nothing).",
  "conditions.unknown_item": 'Not an item of the contract\'s catalogue: "{item}".',
  "conditions.not_specific":
    'The contract does not refer to specific conditions for "{item}": its prices and periods are written in it.',
  "conditions.exists": 'Specific conditions of "{item}" already take effect on {date}.',
  "resource.customer": "customer",
};
