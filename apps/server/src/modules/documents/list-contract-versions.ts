import { contractVersions, type Db, organisations } from "@guichet/db";
import type { TermChange } from "@guichet/domain";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Locale } from "../../i18n/index.js";
import { changeWords } from "../contract/contract-version-words.js";

export const ZContractVersion = z
  .object({
    id: z.string(),
    version: z.string(),
    edition: z.string().nullable(),
    /** When it took effect (the start that found it). */
    effectiveAt: z.string(),
    /** The one in force now. */
    inForce: z.boolean(),
    /** What changed against the version before it, in the reader's words; empty for the first. */
    changes: z.array(z.string()),
  })
  .meta({ id: "ContractVersion" });

/**
 * The contract file's versions a customer is bound by (GEN-01, GEN-03): the one in force when it
 * joined and every later one, latest first, each with what changed in its terms.
 */
export async function listContractVersions(
  db: Db,
  contractId: string,
  organisationId: string,
  locale: Locale,
): Promise<z.infer<typeof ZContractVersion>[]> {
  const [customer] = await db
    .select({ createdAt: organisations.createdAt })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const versions = await db
    .select()
    .from(contractVersions)
    .where(eq(contractVersions.contractId, contractId))
    .orderBy(asc(contractVersions.effectiveAt), asc(contractVersions.id));
  const joined = customer?.createdAt ?? new Date(0);
  // The version in force when it joined is the last one that took effect before.
  const first = versions.reduce((at, v, i) => (v.effectiveAt <= joined ? i : at), 0);
  return versions
    .slice(first)
    .map((v, i, bound) => ({
      id: v.id,
      version: v.version,
      edition: v.edition,
      effectiveAt: v.effectiveAt.toISOString(),
      inForce: i === bound.length - 1,
      changes: (v.changes as TermChange[]).map((c) => changeWords(c, v.document, locale)),
    }))
    .reverse();
}
