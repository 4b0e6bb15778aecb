import { type Db, deployment, namedContacts, organisations, users } from "@guichet/db";
import { type Contract, orDeploymentRule } from "@guichet/domain";
import { eq } from "drizzle-orm";
import { type Config, readConfig } from "../config.js";
import { hashPassword } from "../modules/accounts/passwords.js";
import { systemActor } from "../modules/audit/record-audit.js";
import { startSubscription } from "../modules/subscriptions/start-subscription.js";
import { type BillingDemo, seedBillingDemo } from "./demo-billing.js";
import { seedCommercialDemo } from "./demo-commercial.js";
import { DEMO_DATA, DEMO_PASSWORD, DEMO_SPECIFIC_CONDITIONS, type DemoData } from "./demo-data.js";
import { seedOrdersDemo } from "./demo-orders.js";
import { demoActor, seedDemoActivity } from "./seed-activity.js";

export class SeedError extends Error {}

const DEMO_ACTOR = systemActor("demo data");

/**
 * Loads the contract's demo data in one transaction: all or nothing. Refuses catalogue items
 * the contract does not define, so demo data cannot drift from the contract file.
 * Returns false when the database already holds it (running twice changes nothing). `config` gives
 * the demo activity's mails their links (PUBLIC_URL) and the imported costs their place (the data
 * directory).
 */
export async function seedDemoData(
  db: Db,
  contract: Contract,
  now: Date,
  config: Config = readConfig({}),
): Promise<boolean> {
  const data = DEMO_DATA[contract.id];
  if (!data) throw new SeedError(`no demo data for contract "${contract.id}"`);
  const known = new Set(contract.catalogue.items.map((item) => item.id));
  for (const customer of data.customers) {
    for (const held of customer.holds) {
      if (!known.has(held.item)) {
        throw new SeedError(
          `demo customer ${customer.slug}: catalogue item "${held.item}" is not in ${contract.id}`,
        );
      }
    }
  }
  // The clause a subscription starts under: MCR order acceptance (MCR-ACC-01), DSN activation (DSN-ORD-02).
  const startClause = orDeploymentRule(
    contract.commitments.serviceStart?.clause ?? contract.catalogue.ordering?.clause,
  );
  // Hashed before the transaction: argon2 is slow on purpose, the transaction should not be.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(deployment).where(eq(deployment.id, "this"));
    if (row?.demoSeededAt) return false;
    await tx
      .insert(organisations)
      .values({ kind: "provider", ...data.provider })
      .onConflictDoNothing();
    for (const customer of data.customers) {
      const [organisation] = await tx
        .insert(organisations)
        .values({
          kind: "customer",
          slug: customer.slug,
          name: customer.name,
          registrationNumber: customer.registrationNumber,
        })
        .returning({ id: organisations.id });
      if (!organisation) throw new SeedError(`could not create ${customer.slug}`);
      // Through the product's own use case: each subscription starts its audited history (issue 16).
      for (const holding of customer.holds) {
        const held = {
          ...(contract.id === "deux-sevres-eservices" ? DEMO_SPECIFIC_CONDITIONS[holding.item] : {}),
          ...holding,
        };
        const started = await startSubscription(
          tx as unknown as Db,
          contract,
          DEMO_ACTOR,
          {
            organisationId: organisation.id,
            catalogueItemId: held.item,
            startsOn: held.from,
            tenancy: held.tenancy ?? null,
            monthlyPriceCents: held.monthlyPriceCents ?? null,
            minimumMonths: held.minimumMonths ?? null,
            noticeMonths: held.noticeMonths ?? null,
            clause: startClause,
          },
          now,
        );
        if (!started.ok)
          throw new SeedError(`demo customer ${customer.slug}, ${held.item}: ${started.reason}`);
      }
    }
    const bySlug = new Map(
      (await tx.select({ id: organisations.id, slug: organisations.slug }).from(organisations)).map((o) => [
        o.slug,
        o.id,
      ]),
    );
    const people = new Map<string, string>();
    const accounts = new Map<string, { userId: string; organisationId: string }>();
    for (const person of data.people) {
      const organisationId = bySlug.get(person.organisation);
      if (!organisationId)
        throw new SeedError(`demo person ${person.email}: no organisation "${person.organisation}"`);
      const { namedContact, organisation: _slug, ...fields } = person;
      const [user] = await tx
        .insert(users)
        .values({
          ...fields,
          organisationId,
          status: "active",
          passwordHash,
          statusChangedAt: now,
          createdAt: now,
        })
        .returning({ id: users.id });
      if (user) people.set(person.email, user.id);
      if (user) accounts.set(person.email, { userId: user.id, organisationId });
      if (namedContact && user)
        await tx
          .insert(namedContacts)
          .values({ userId: user.id, organisationId, ...namedContact, createdAt: now });
    }
    await seedCommercialDemo(tx as unknown as Db, contract, bySlug, now);
    await seedOrdersDemo(tx as unknown as Db, contract, bySlug, people, now);
    await seedDemoActivity(tx as unknown as Db, { contract, config }, accounts, now);
    await seedBillingDemo(tx as unknown as Db, { contract, config }, billingPeople(data, accounts), now);
    await tx.update(deployment).set({ demoSeededAt: now }).where(eq(deployment.id, "this"));
    return true;
  });
}

/**
 * Who does the demo's billing: the provider's administrator (imports, invoice runs) and, where the
 * demo has one, BioLab Nantes' administrator setting a budget; each as herself in the audit trail.
 */
function billingPeople(
  data: DemoData,
  accounts: ReadonlyMap<string, { userId: string; organisationId: string }>,
): BillingDemo {
  const actorOf = (email: string) => demoActor(data, accounts, email).actor;
  const admin = data.people.find((p) => p.organisation === data.provider.slug && p.roles.includes("admin"));
  if (!admin) throw new SeedError("demo billing: the provider has no administrator");
  const budgetHolder = data.people.find((p) => p.email === "it@biolab-nantes.demo");
  return {
    provider: actorOf(admin.email),
    ...(budgetHolder
      ? { budget: { slug: budgetHolder.organisation, actor: actorOf(budgetHolder.email) } }
      : {}),
  };
}
