/** The roles that administer an organisation's people: the customer's, the provider's. */
export const ADMINISTRATOR_ROLES = ["customer_admin", "admin"] as const;

export interface PersonStanding {
  id: string;
  roles: readonly string[];
  status: string;
}

const administers = (person: PersonStanding) =>
  person.status === "active" &&
  person.roles.some((role) => (ADMINISTRATOR_ROLES as readonly string[]).includes(role));

/**
 * True when a person would revoke her own identifier while no other active administrator of her
 * organisation remains: the organisation would be left with no one to manage its rights
 * (MCR-ACC-03, DSN-ID-04: the operator's administrator asks for revocations), so it is refused.
 * Revoking someone else, or oneself beside another administrator, is not concerned.
 */
export function revokesLastAdministrator(
  actorUserId: string | null,
  target: PersonStanding,
  organisationPeople: readonly PersonStanding[],
): boolean {
  if (actorUserId !== target.id || !administers(target)) return false;
  return !organisationPeople.some((person) => person.id !== target.id && administers(person));
}
