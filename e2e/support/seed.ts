import { hash } from "@node-rs/argon2";
import { Secret, TOTP } from "otpauth";
import type pg from "pg";

/** Strong enough for both shipped contracts' minimum (zxcvbn 4 with the French dictionary). */
export const STRONG_PASSWORD = "Vélo rouge sur le quai de Niort, 1987 !";

export interface Person {
  id: string;
  email: string;
  password: string;
  name: string;
  /** Base32 TOTP secret when a second factor is enrolled. */
  totpSecret: string | null;
}

/** An organisation, with the catalogue items it holds from a past date (e.g. "support-standard"). */
export async function seedOrganisation(
  db: pg.Pool,
  input: { kind: "provider" | "customer"; name: string; holds?: string[] },
): Promise<string> {
  const slug = input.name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-");
  const { rows } = await db.query<{ id: string }>(
    "insert into organisations (kind, slug, name) values ($1, $2, $3) returning id",
    [input.kind, slug, input.name],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error("no organisation inserted");
  for (const item of input.holds ?? []) {
    await db.query(
      "insert into subscriptions (organisation_id, catalogue_item_id, starts_on) values ($1, $2, '2025-01-01')",
      [id, item],
    );
  }
  return id;
}

/**
 * An active person with a password; `totp` enrols a second factor the test can compute codes for,
 * `namedContact` records the person as one of the organisation's named contacts (MCR-SUP-04).
 */
export async function seedPerson(
  db: pg.Pool,
  input: {
    organisationId: string;
    email: string;
    firstName: string;
    lastName: string;
    roles: string[];
    totp?: boolean;
    namedContact?: boolean;
  },
): Promise<Person> {
  const totpSecret = input.totp ? new Secret({ size: 20 }).base32 : null;
  const passwordHash = await hash(STRONG_PASSWORD, { algorithm: 2 });
  const { rows } = await db.query<{ id: string }>(
    `insert into users (organisation_id, email, first_name, last_name, roles, status, password_hash, totp_secret)
     values ($1, $2, $3, $4, $5, 'active', $6, $7) returning id`,
    [
      input.organisationId,
      input.email,
      input.firstName,
      input.lastName,
      input.roles,
      passwordHash,
      totpSecret,
    ],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error("no user inserted");
  if (input.namedContact) {
    await db.query(
      `insert into named_contacts (user_id, organisation_id, job_title, phone, availability)
       values ($1, $2, 'Responsable d''exploitation', '+33 5 49 00 00 00', 'Du lundi au vendredi, de 9 h à 18 h')`,
      [id, input.organisationId],
    );
  }
  return {
    id,
    email: input.email,
    password: STRONG_PASSWORD,
    name: `${input.firstName} ${input.lastName}`,
    totpSecret,
  };
}

/** A subscription and the first period of its history, as an order's activation writes them. */
export async function holds(
  db: pg.Pool,
  organisationId: string,
  held: {
    item: string;
    from: string;
    plan?: string;
    commitmentEnd?: string;
    price?: number;
    minimum?: number;
    notice?: number;
  },
): Promise<void> {
  const { rows } = await db.query<{ id: string }>(
    "insert into subscriptions (organisation_id, catalogue_item_id, starts_on) values ($1, $2, $3) returning id",
    [organisationId, held.item, held.from],
  );
  await db.query(
    `insert into subscription_periods (subscription_id, organisation_id, effective_from, plan, tenancy, monthly_price_cents,
       minimum_months, notice_months, commitment_end, status, cause, clause)
     values ($1, $2, $3, $4, 'single', $5, $6, $7, $8, 'active', 'started', 'GEN-01')`,
    [
      rows[0]?.id,
      organisationId,
      held.from,
      held.plan ?? null,
      held.price ?? null,
      held.minimum ?? null,
      held.notice ?? null,
      held.commitmentEnd ?? null,
    ],
  );
}

type Named = { email: string; firstName: string; lastName: string };

/** The provider organisation and one member of its staff, a second factor enrolled as staff have. */
export async function seedStaffMember(
  db: pg.Pool,
  provider: string,
  person: Named & { roles: string[] },
): Promise<Person> {
  const organisationId = await seedOrganisation(db, { kind: "provider", name: provider });
  return seedPerson(db, { ...person, organisationId, totp: true });
}

/** Who a desk scenario needs: a support agent of the provider, one person of a customer. */
export interface DeskCast {
  agent: Person;
  customer: Person;
}

/**
 * The provider with a support agent (a second factor enrolled, as provider staff have), and a
 * customer organisation holding catalogue items with one person in it.
 */
export async function seedDeskCast(
  db: pg.Pool,
  input: {
    provider: string;
    agent: Named;
    organisation: { name: string; holds: string[] };
    customer: Named & { roles: string[]; namedContact?: boolean };
  },
): Promise<DeskCast> {
  const agent = await seedStaffMember(db, input.provider, { ...input.agent, roles: ["support_agent"] });
  const organisationId = await seedOrganisation(db, { kind: "customer", ...input.organisation });
  const customer = await seedPerson(db, { ...input.customer, organisationId });
  return { agent, customer };
}

/** The code an authenticator app holding this secret shows at `at` (now by default). */
export function totpCode(secretBase32: string, at: Date = new Date()): string {
  return new TOTP({
    secret: Secret.fromBase32(secretBase32),
    digits: 6,
    period: 30,
    algorithm: "SHA1",
  }).generate({ timestamp: at.getTime() });
}

/** The link of the newest e-mail of a kind sent to an address, read from the outbox table. */
export async function linkFromOutbox(db: pg.Pool, to: string, kind: string): Promise<string> {
  const { rows } = await db.query<{ text_body: string }>(
    "select text_body from outbox where to_address = $1 and kind = $2 order by created_at desc limit 1",
    [to, kind],
  );
  const link = rows[0]?.text_body.match(/https?:\/\/\S+#token=\S+/)?.[0];
  if (!link) throw new Error(`no ${kind} link in the outbox for ${to}`);
  return link;
}
