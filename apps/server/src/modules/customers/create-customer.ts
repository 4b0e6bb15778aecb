import { customerDetails, type Db, organisations } from "@guichet/db";
import { type CustomerRecord, contractRules, EU_MEMBER_STATES } from "@guichet/domain";
import { like } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { AppError } from "../../http/errors.js";
import { inviteUser } from "../accounts/invite-user.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { type ViesAnswer, viesNotChecked } from "./vies.js";

/** A URL handle from a legal name: "Bâti Sud & Fils" → "bati-sud-fils". */
export function slugOf(name: string): string {
  const base = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50);
  return base || "client";
}

async function freeSlug(db: Db, name: string): Promise<string> {
  const base = slugOf(name);
  const taken = new Set(
    (
      await db
        .select({ slug: organisations.slug })
        .from(organisations)
        .where(like(organisations.slug, `${base}%`))
    ).map((row) => row.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/**
 * Creates a customer organisation from a checked record: the organisation, its billing details,
 * its administrator invited (with the right to invite where the contract has it, MCR-ACC-02) by the invitation use case, which
 * e-mails a single-use link (MCR-ACC-01, DSN-ID-02), and the audit entry. Runs in the caller's
 * transaction: a refusal of the invitation (a race on the address) throws, and nothing is kept.
 */
export async function createCustomer(
  context: AppContext,
  actor: AuditActor,
  record: CustomerRecord,
  now: Date,
): Promise<{ organisationId: string; administratorUserId: string; identifierDueAt: Date | null }> {
  const { db } = context.database;
  const [organisation] = await db
    .insert(organisations)
    .values({
      kind: "customer",
      slug: await freeSlug(db, record.legalName),
      name: record.legalName,
      // This column is read as a SIREN (older customers, taken identifiers): a foreign
      // registration number stays in customer_details only (issue 17).
      registrationNumber: record.siren ?? null,
      createdAt: now,
    })
    .returning({ id: organisations.id });
  if (!organisation) throw new Error("insert returned no row");
  // VIES knows the member states' numbers only; a number from outside the EU is not put to it.
  const vies: ViesAnswer | null =
    record.vatNumber && EU_MEMBER_STATES.has(record.billingCountry)
      ? await (context.vies ?? viesNotChecked).check(record.vatNumber, record.billingCountry)
      : null;
  await db.insert(customerDetails).values({
    organisationId: organisation.id,
    siren: record.siren ?? null,
    siret: record.siret ?? null,
    registrationNumber: record.registrationNumber ?? null,
    vatNumber: record.vatNumber ?? null,
    viesStatus: vies?.status ?? null,
    viesCheckedAt: vies?.checkedAt ?? null,
    billingAddress: record.billingAddress,
    billingPostalCode: record.billingPostalCode,
    billingCity: record.billingCity,
    billingCountry: record.billingCountry,
    billingEmail: record.billingEmail,
    createdByUserId: actor.userId,
    createdAt: now,
  });
  await recordAudit(
    db,
    actor,
    {
      action: "customer.create",
      organisationId: organisation.id,
      targetType: "organisation",
      targetId: organisation.id,
      data: {
        legalName: record.legalName,
        country: record.billingCountry,
        siren: record.siren ?? null,
        siret: record.siret ?? null,
        registrationNumber: record.registrationNumber ?? null,
        vatNumber: record.vatNumber ?? null,
        vies: vies?.status ?? null,
      },
    },
    now,
  );
  const invited = await inviteUser(
    context,
    actor,
    {
      organisationId: organisation.id,
      ...record.administrator,
      roles: ["customer_admin"],
      // The right to invite, where the contract lets administrators hand it on (MCR-ACC-02).
      canInvite: Boolean(contractRules(context.contract).delegatedInvitation),
    },
    now,
  );
  if (!invited.ok) {
    // Checked just before; only a concurrent request can get here. Nothing of this customer stays.
    throw new AppError("conflict", `administrator not invited: ${invited.reason}`, {
      field: "administrator.email",
      reason: invited.reason,
    });
  }
  return {
    organisationId: organisation.id,
    administratorUserId: invited.userId,
    identifierDueAt: invited.identifierDueAt,
  };
}
