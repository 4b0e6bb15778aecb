import { wholesaleContracts } from "@guichet/db";
import { orDeploymentRule } from "@guichet/domain";
import { asc, eq } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";

export interface WholesaleContractInput {
  organisationId: string;
  title: string;
  reference: string;
  allowsItems: string[];
  signedOn: string;
  endsOn: string | null;
}

/** The provider records a wholesale contract an operator holds: what it makes it eligible to (DSN-ORD-01). */
export async function recordWholesaleContract(
  context: AppContext,
  actor: AuditActor,
  input: WholesaleContractInput,
  now: Date,
): Promise<{ ok: true; id: string } | { ok: false; unknownItems: string[] }> {
  const known = new Set(context.contract.catalogue.items.map((i) => i.id));
  const unknownItems = input.allowsItems.filter((item) => !known.has(item));
  if (unknownItems.length > 0) return { ok: false, unknownItems };
  const { db } = context.database;
  const [row] = await db
    .insert(wholesaleContracts)
    .values({ ...input, recordedByUserId: actor.userId, recordedAt: now })
    .returning({ id: wholesaleContracts.id });
  if (!row) throw new Error("insert returned no row");
  await recordAudit(
    db,
    actor,
    {
      action: "wholesale_contract.record",
      organisationId: input.organisationId,
      targetType: "wholesale_contract",
      targetId: row.id,
      data: { ...input, clause: orDeploymentRule(context.contract.catalogue.ordering?.clause) },
    },
    now,
  );
  return { ok: true, id: row.id };
}

export async function listWholesaleContracts(context: AppContext, organisationId: string) {
  const rows = await context.database.db
    .select()
    .from(wholesaleContracts)
    .where(eq(wholesaleContracts.organisationId, organisationId))
    .orderBy(asc(wholesaleContracts.signedOn));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    reference: r.reference,
    allowsItems: r.allowsItems,
    signedOn: r.signedOn,
    endsOn: r.endsOn,
  }));
}
