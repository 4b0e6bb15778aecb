/** Server texts of the security annex (DSN annex 2, issue 18: DSN-SEC-02..05), French first. */
export const securityFr = {
  "resource.security_incident": "incident de sécurité",
  "resource.security_audit": "audit de sécurité",
  "resource.client_certificate": "certificat client",
  "security.not_in_contract":
    "Le contrat de ce déploiement n'a pas d'annexe sécurité : ni contact, ni incident, ni audit n'y sont tenus.",
  "security.no_remediation_clause":
    "Le contrat ne prévoit pas de plan de remise en conformité après un audit : rien n'est enregistré.",
  "security.plan_already_filed":
    "Le plan de remise en conformité de l'audit {reference} est déjà déposé ({clause}) : il n'est pas déposé deux fois.",
  "security.plan_not_required":
    "L'audit {reference} n'a relevé aucune non-conformité : aucun plan n'est dû ({clause}).",
  "security.plan_not_filed":
    "Le plan de l'audit {reference} n'est pas encore déposé : rien à approuver ({clause}).",
  "security.plan_nothing_to_refuse":
    "Le plan de l'audit {reference} n'est pas déposé (ou déjà refusé) : rien à refuser ({clause}).",
  "security.plan_already_approved":
    "Le plan de l'audit {reference} est déjà approuvé : il engage l'Opérateur et ne peut plus être refusé ({clause}).",
  "security.incident_elsewhere":
    "Cet incident ne concerne pas cette organisation : la suspension ne peut s'y rapporter ({clause}).",
  "security.certificates_not_in_contract":
    "Le mode intégré de ce contrat n'accepte pas de certificat client : rien n'est enregistré.",
  "security.certificate_unreadable": "Ce certificat n'est pas un certificat X.509 lisible au format PEM.",
  "security.certificate_expired": "Ce certificat a expiré le {notAfter} : il ne peut être enregistré.",
  "security.certificate_known": "Un certificat actif porte déjà cette empreinte : {fingerprint}.",
  "security.certificate_owner":
    "La personne responsable du certificat doit être un identifiant actif de l'opérateur ({clause}).",
  "security.https_required":
    "Ce déploiement n'accepte que HTTPS ({clause}) : reprenez l'adresse en https://.",
  "security.kind.malicious-activity": "malveillance",
  "security.kind.vulnerability": "vulnérabilité",
  "security.kind.incident": "incident de sécurité",
  "security.severity.serious": "grave (peut justifier une suspension sans préavis)",
  "security.severity.ordinary": "ordinaire",
} as const;

export type SecurityMessageKey = keyof typeof securityFr;

export const securityEn: Record<SecurityMessageKey, string> = {
  "resource.security_incident": "security incident",
  "resource.security_audit": "security audit",
  "resource.client_certificate": "client certificate",
  "security.not_in_contract":
    "This deployment's contract has no security annex: no contact, incident or audit is kept here.",
  "security.no_remediation_clause":
    "The contract provides for no remediation plan after an audit: nothing was recorded.",
  "security.plan_already_filed":
    "The remediation plan of audit {reference} is already filed ({clause}): it is not filed twice.",
  "security.plan_not_required": "Audit {reference} found no non-conformity: no plan is due ({clause}).",
  "security.plan_not_filed": "The plan of audit {reference} is not filed yet: nothing to approve ({clause}).",
  "security.plan_nothing_to_refuse":
    "The plan of audit {reference} is not filed (or already refused): nothing to refuse ({clause}).",
  "security.plan_already_approved":
    "The plan of audit {reference} is already approved: it binds the operator and can no longer be refused ({clause}).",
  "security.incident_elsewhere":
    "This incident does not concern this organisation: the suspension cannot refer to it ({clause}).",
  "security.certificates_not_in_contract":
    "This contract's integrated mode takes no client certificate: nothing was registered.",
  "security.certificate_unreadable": "This is not a readable X.509 certificate in PEM format.",
  "security.certificate_expired": "This certificate expired on {notAfter}: it cannot be registered.",
  "security.certificate_known": "An active certificate already has this fingerprint: {fingerprint}.",
  "security.certificate_owner":
    "The person answerable for the certificate must be an active identifier of the operator ({clause}).",
  "security.https_required": "This deployment accepts HTTPS only ({clause}): use the https:// address.",
  "security.kind.malicious-activity": "malicious activity",
  "security.kind.vulnerability": "vulnerability",
  "security.kind.incident": "security incident",
  "security.severity.serious": "serious (may justify a suspension without notice)",
  "security.severity.ordinary": "ordinary",
};
