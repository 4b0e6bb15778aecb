import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { type ContractVersion, contractVersions, type Db } from "@guichet/db";
import { type Contract, diffContractDocuments } from "@guichet/domain";
import { desc, eq, sql } from "drizzle-orm";
import { parse } from "yaml";
import { resolveContractPath } from "../../contract/load-contract.js";
import { recordAudit, systemActor } from "../audit/record-audit.js";

/** The latest version recorded for a deployment, the one in force. */
export async function currentContractVersion(
  db: Db,
  contractId: string,
): Promise<ContractVersion | undefined> {
  const [latest] = await db
    .select()
    .from(contractVersions)
    .where(eq(contractVersions.contractId, contractId))
    .orderBy(desc(contractVersions.effectiveAt), desc(contractVersions.id))
    .limit(1);
  return latest;
}

/**
 * GEN-01: a start with a contract file whose text differs from the last version's records a new
 * version, what changed in its terms against the previous one, and the instant it took effect
 * (this start). The same file again records nothing. Decisions made from then on keep this
 * version (the columns' default, migration 0035). Called before the server serves.
 */
export async function recordContractVersion(
  db: Db,
  contract: Contract,
  contractFile: string,
  now: Date,
): Promise<{ version: ContractVersion; recorded: boolean }> {
  const text = readFileSync(resolveContractPath(contractFile), "utf8");
  const sha256 = createHash("sha256").update(text).digest("hex");
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    // Processes starting together on one database record a changed file once.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('guichet:contract-versions'))`);
    const previous = await currentContractVersion(tx, contract.id);
    if (previous?.sha256 === sha256) return { version: previous, recorded: false };
    const document: unknown = parse(text);
    const changes = previous ? diffContractDocuments(previous.document, document) : [];
    const [row] = await tx
      .insert(contractVersions)
      .values({
        contractId: contract.id,
        version: contract.version,
        edition: contract.edition ?? null,
        sha256,
        document,
        changes,
        effectiveAt: now,
      })
      .returning();
    if (!row) throw new Error("recordContractVersion: insert returned nothing");
    await recordAudit(
      tx,
      systemActor("guichet start"),
      {
        action: "contract.version_recorded",
        targetType: "contract_version",
        targetId: row.id,
        data: { version: row.version, edition: row.edition, sha256, changes: changes.length },
      },
      now,
    );
    return { version: row, recorded: true };
  });
}
