import { organisations, rowsOf, users } from "@guichet/db";
import type { Language } from "@guichet/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { recordAudit, systemActor } from "../audit/record-audit.js";
import { sendInvitation } from "./send-invitation.js";

export interface FirstAdministrator {
  email: string;
  firstName: string;
  lastName: string;
  locale: Language;
}

export type InitialiseResult =
  | {
      ok: true;
      organisationId: string;
      organisationName: string;
      createdOrganisation: boolean;
      userId: string;
      link: string;
      expiresAt: Date;
    }
  | { ok: false; reason: "administrator_exists"; administrators: string[] }
  | { ok: false; reason: "identifier_exists" };

/** Statuses that hold an identifier (as in invite-user.ts). */
const LIVE = ["invited", "active", "suspended"] as const;

/** A stable slug from the provider's name: "Boréal Nuage" → "boreal-nuage". */
function slugOf(name: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return slug || "provider";
}

/**
 * A deployment's way in (issue 22): on a database without a provider administrator, creates the
 * provider organisation from the contract file's `provider` section (when it does not exist yet)
 * and its first administrator, invited with a single-use link (MCR-ACC-01, DSN-ID-02) that is
 * also queued as mail. Refused, changing nothing, once an administrator exists: from then on staff
 * are invited from the back office. One transaction: all of it, or nothing.
 */
export async function initialiseProvider(
  context: Pick<AppContext, "contract" | "config" | "database">,
  person: FirstAdministrator,
  now: Date,
): Promise<InitialiseResult> {
  const { contract } = context;
  const email = person.email.trim().toLowerCase();
  return context.database.db.transaction(async (tx) => {
    // Two inits at once would both find no administrator: the second waits, then is refused.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('guichet-initialise-provider'))`);
    let [provider] = await tx
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.kind, "provider"));
    if (provider) {
      const administrators = await tx
        .select({ email: users.email })
        .from(users)
        .where(
          and(
            eq(users.organisationId, provider.id),
            inArray(users.status, [...LIVE]),
            sql`'admin' = any(${users.roles})`,
          ),
        );
      if (administrators.length > 0) {
        return {
          ok: false,
          reason: "administrator_exists",
          administrators: administrators.map((a) => a.email),
        };
      }
    }
    const [used] = rowsOf<{ used: boolean }>(
      await tx.execute(sql`select identifier_in_use(${email}) as used`),
    );
    if (used?.used) return { ok: false, reason: "identifier_exists" };
    const createdOrganisation = !provider;
    if (!provider) {
      [provider] = await tx
        .insert(organisations)
        .values({
          kind: "provider",
          slug: slugOf(contract.provider.name),
          name: contract.provider.legalName ?? contract.provider.name,
          registrationNumber: contract.provider.registrationNumber ?? null,
          createdAt: now,
        })
        .returning({ id: organisations.id, name: organisations.name });
      if (!provider) throw new Error("insert returned no row");
    }
    const [user] = await tx
      .insert(users)
      .values({
        organisationId: provider.id,
        email,
        firstName: person.firstName,
        lastName: person.lastName,
        locale: person.locale,
        roles: ["admin"],
        canInvite: true,
        status: "invited",
        statusChangedAt: now,
        createdAt: now,
      })
      .returning({ id: users.id });
    if (!user) throw new Error("insert returned no row");
    const { link, expiresAt } = await sendInvitation(
      tx,
      context,
      {
        userId: user.id,
        email,
        firstName: person.firstName,
        locale: person.locale,
        organisation: { id: provider.id, kind: "provider", name: provider.name },
      },
      now,
    );
    await recordAudit(
      tx,
      systemActor("guichet init"),
      {
        action: "provider.initialise",
        organisationId: provider.id,
        targetType: "user",
        targetId: user.id,
        data: { email, roles: ["admin"], createdOrganisation },
      },
      now,
    );
    return {
      ok: true,
      organisationId: provider.id,
      organisationName: provider.name,
      createdOrganisation,
      userId: user.id,
      link,
      expiresAt,
    };
  });
}
