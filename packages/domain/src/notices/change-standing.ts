import type { CivilDate } from "../commitments/civil-date.js";

/**
 * Where a change stands for one customer on a day (issue 18, DSN 10.1, DSN-BIL-02): "Toute
 * modification des Conditions Générales doit faire l'objet de la signature par les Parties d'une
 * nouvelle version remplaçant celle précédemment en vigueur" (and annex 2, the security annex).
 *
 * Reading (contracts/deux-sevres-eservices.yaml, notices.generalConditionsChange): a change that
 * needs a signature binds a customer only once it has signed; the provider signs by publishing the
 * version. Until then the version it signed before stays in force for it, whatever the effective
 * date: the change is "awaiting-signature", not applied. Signed, it applies from the later of its
 * effective date and the day of the signature (a signature binds from its day, never before). A
 * change needing no signature applies to everyone from its effective date.
 */
export type ChangeStanding =
  | { state: "awaiting-signature"; from: null }
  | { state: "to-come" | "in-force"; from: CivilDate };

export function changeStanding(
  notice: { signatureRequired: boolean; signedOn: CivilDate | null },
  effectiveFrom: CivilDate,
  today: CivilDate,
): ChangeStanding {
  if (notice.signatureRequired && notice.signedOn === null)
    return { state: "awaiting-signature", from: null };
  const from = notice.signedOn !== null && notice.signedOn > effectiveFrom ? notice.signedOn : effectiveFrom;
  return { state: today >= from ? "in-force" : "to-come", from };
}
