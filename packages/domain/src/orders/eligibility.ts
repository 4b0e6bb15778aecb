/**
 * Who may order what (DSN-ORD-01, DSN art. 5: "en fonction des contrats relatifs aux offres de gros
 * auxquels il a souscrits"): an operator may order an e-service only while one of its wholesale
 * contracts, recorded by the provider, allows it. A contract with `eligibility: any` (MCR 7.1)
 * lets any customer order. Pure: the date is an argument.
 */
export interface WholesaleContract {
  title: string;
  reference: string;
  allowsItems: readonly string[];
  /** Civil dates (YYYY-MM-DD); `endsOn` null while in force. */
  signedOn: string;
  endsOn: string | null;
}

export type Eligibility =
  | { eligible: true; basis: "any" | { title: string; reference: string }; clause: string }
  | { eligible: false; clause: string; heldContracts: string[] };

export function decideEligibility(
  rule: "any" | "wholesale-contracts",
  contracts: readonly WholesaleContract[],
  catalogueItemId: string,
  date: string,
  clause: string,
): Eligibility {
  if (rule === "any") return { eligible: true, basis: "any", clause };
  const inForce = contracts.filter((c) => c.signedOn <= date && (c.endsOn === null || c.endsOn >= date));
  const allowing = inForce.find((c) => c.allowsItems.includes(catalogueItemId));
  if (allowing)
    return { eligible: true, basis: { title: allowing.title, reference: allowing.reference }, clause };
  return { eligible: false, clause, heldContracts: inForce.map((c) => `${c.title} (${c.reference})`) };
}

/** The contract takes effect at the last signature (DSN-ORD-02, DSN art. 4.1). */
export function lastSignature(...signatures: (Date | null | undefined)[]): Date | null {
  const present = signatures.filter((s): s is Date => s instanceof Date);
  if (present.length < signatures.length) return null;
  return new Date(Math.max(...present.map((s) => s.getTime())));
}
