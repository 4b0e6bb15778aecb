import { type Db, organisations, subscriptions } from "@guichet/db";
import { asc, eq, inArray } from "drizzle-orm";

export interface OrganisationView {
  id: string;
  kind: "provider" | "customer";
  slug: string;
  name: string;
  status: "active" | "suspended";
  /** The security incident the suspension was made for (DSN-SEC-02), while suspended. */
  suspensionIncidentId: string | null;
  subscriptions: { catalogueItemId: string; startsOn: string; endsOn: string | null }[];
}

/** Organisations with what each holds ("what does this customer have"), for the back office. */
export async function listOrganisations(db: Db, onlyId?: string): Promise<OrganisationView[]> {
  const rows = await db
    .select()
    .from(organisations)
    .where(onlyId ? eq(organisations.id, onlyId) : undefined)
    .orderBy(asc(organisations.name));
  if (rows.length === 0) return [];
  const held = await db
    .select()
    .from(subscriptions)
    .where(
      inArray(
        subscriptions.organisationId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(subscriptions.startsOn));
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    slug: row.slug,
    name: row.name,
    status: row.status,
    suspensionIncidentId: row.suspensionIncidentId,
    subscriptions: held
      .filter((s) => s.organisationId === row.id)
      .map((s) => ({ catalogueItemId: s.catalogueItemId, startsOn: s.startsOn, endsOn: s.endsOn })),
  }));
}
