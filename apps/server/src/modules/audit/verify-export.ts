import { z } from "zod";
import { type AuditVerification, ChainVerifier } from "./chain-verifier.js";
import { CHAIN_EXPORT_FORMAT, chainOfExport } from "./export-chain.js";

/** An entry as the trail's search answers it (GET /api/audit): what its hash covers but the previous hash. */
export const ZAuditEntry = z
  .object({
    seq: z.number(),
    at: z.string(),
    actorUserId: z.string().nullable(),
    actorLabel: z.string(),
    actorOrganisationId: z.string().nullable(),
    organisationId: z.string().nullable(),
    grantId: z.string().nullable(),
    via: z.string(),
    apiTokenId: z.string().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    outcome: z.enum(["success", "failure"]),
    data: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: "AuditRecord" });

const ZHash = z.string().regex(/^[0-9a-f]{64}$/);
const ZHead = z.strictObject({ seq: z.number().int(), hash: ZHash });

/** The export's shape, checked before anything in it is believed. */
export const ZChainExport = z.strictObject({
  format: z.literal(CHAIN_EXPORT_FORMAT),
  organisationId: z.uuid(),
  chain: z.uuid(),
  exportedAt: z.iso.datetime({ offset: true }),
  entries: z.array(
    z.strictObject({
      ...ZAuditEntry.shape,
      at: z.iso.datetime({ offset: true }),
      prevHash: ZHash,
      hash: ZHash,
    }),
  ),
  anchors: z.array(
    z.strictObject({
      seq: z.number().int(),
      at: z.iso.datetime({ offset: true }),
      prevHash: ZHash,
      hash: ZHash,
      head: ZHead,
      leaves: z.array(ZHash),
    }),
  ),
});

/**
 * Verifies one organisation's exported chain offline (`guichet audit verify --file`): every
 * entry's hash and link from the chain's start, each anchor's hash over its leaves, this chain's
 * head among them, and every head an anchor recorded present in the chain with that hash.
 * The links between anchors are not checked here (the export holds only those that cover the
 * chain): `guichet audit verify` checks them on the provider's side.
 */
export function verifyChainExport(input: unknown): AuditVerification | { invalid: string } {
  const parsed = ZChainExport.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      invalid: `${issue?.path.join(".") || "(file)"}: ${issue?.message ?? "not an audit chain export"}`,
    };
  }
  const exported = parsed.data;
  const verifier = new ChainVerifier({ linkedAnchors: false, chainOf: chainOfExport(exported) });
  for (const { head, ...anchor } of exported.anchors) {
    const broken = verifier.anchor({ ...anchor, at: new Date(anchor.at), heads: { [exported.chain]: head } });
    if (broken) return verifier.result(broken);
  }
  for (const entry of exported.entries) {
    const broken = verifier.entry({ ...entry, at: new Date(entry.at), chain: exported.chain });
    if (broken) return verifier.result(broken);
  }
  return verifier.result(verifier.finish());
}
