import { orderDocuments, orders } from "@guichet/db";
import { type Contract, localDateIn } from "@guichet/domain";
import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { calendarOf } from "../../contract/calendars.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { moveOrder } from "./move-order.js";
import { sha256Of } from "./order-form-pdf.js";
import type { OrderRefusal } from "./order-refusal.js";

export type Signature =
  | { kind: "portal"; sha256: string; signerName: string; signerRole: string }
  | { kind: "scan"; pdf: Buffer; signerName: string; signerRole: string };

/**
 * The operator signs its order form (DSN art. 5): in the portal — name, role, instant, address and
 * the SHA-256 of the exact PDF it was shown, which must be the one generated — or by uploading a
 * signed scan. Either way the provider receives the order form then: invoicing starts that day
 * (DSN-ORD-03) and the identifiers are due 5 working days later (DSN-ID-02, the contract's
 * calendar). Audited with every element of the signature.
 */
export async function signOrder(
  context: AppContext,
  actor: AuditActor,
  input: { orderId: string; signerUserId: string; ip: string | null; signature: Signature },
  now: Date,
): Promise<{ ok: true } | ({ ok: false } & OrderRefusal)> {
  const { db } = context.database;
  const { contract } = context;
  const [form] = await db
    .select({ sha256: orderDocuments.sha256, organisationId: orderDocuments.organisationId })
    .from(orderDocuments)
    .where(and(eq(orderDocuments.orderId, input.orderId), eq(orderDocuments.kind, "order_form")));
  if (!form) {
    const [order] = await db.select({ id: orders.id }).from(orders).where(eq(orders.id, input.orderId));
    return order ? { ok: false, reason: "not_an_order_form" } : { ok: false, reason: "not_found" };
  }
  const { signature } = input;
  let scanSha: string | null = null;
  if (signature.kind === "portal" && signature.sha256.toLowerCase() !== form.sha256) {
    return { ok: false, reason: "document_mismatch" };
  }
  if (signature.kind === "scan") {
    if (signature.pdf.subarray(0, 5).toString("latin1") !== "%PDF-")
      return { ok: false, reason: "not_a_pdf" };
    scanSha = sha256Of(signature.pdf);
  }
  const sentWithin = contract.identifierPolicy.identifiersSentWithin;
  const identifiersDueAt = sentWithin
    ? new Date(calendarOf(contract, sentWithin.calendar).addBusinessDays(now.getTime(), sentWithin.within))
    : null;
  const moved = await moveOrder(db, input.orderId, ["awaiting_signature"], {
    status: "received",
    signatureKind: signature.kind,
    signerName: signature.signerName,
    signerRole: signature.signerRole,
    signerUserId: input.signerUserId,
    signerIp: input.ip,
    signedAt: now,
    receivedAt: now,
    invoicingFrom: localDateIn(now, timeZoneOf(contract)),
    identifiersDueAt,
  });
  if (!moved.ok) return moved;
  if (signature.kind === "scan" && scanSha) {
    await db.insert(orderDocuments).values({
      orderId: input.orderId,
      organisationId: form.organisationId,
      kind: "signed_scan",
      sha256: scanSha,
      content: signature.pdf,
      createdAt: now,
    });
  }
  await recordAudit(
    db,
    actor,
    {
      action: "order.sign",
      organisationId: form.organisationId,
      targetType: "order",
      targetId: input.orderId,
      data: {
        reference: moved.order.reference,
        kind: signature.kind,
        signerName: signature.signerName,
        signerRole: signature.signerRole,
        signedAt: now.toISOString(),
        ip: input.ip,
        orderFormSha256: form.sha256,
        signedScanSha256: scanSha,
        invoicingFrom: moved.order.invoicingFrom,
        identifiersDueAt: identifiersDueAt?.toISOString() ?? null,
        clauses: receptionClauses(contract),
      },
    },
    now,
  );
  return { ok: true };
}

/** What the reception of an order form applies, as the contract cites it (DSN-ORD-01, DSN-ORD-03, DSN-ID-02). */
function receptionClauses(contract: Contract): string[] {
  const cited = [
    contract.catalogue.ordering?.clause,
    contract.commitments.invoicingFrom?.clause,
    contract.identifierPolicy.identifiersSentWithin?.clause,
  ];
  return cited.filter((clause): clause is string => clause !== undefined);
}
