import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { atomically, costDaily, costImports, type Db } from "@guichet/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { checkBudgets } from "./check-budgets.js";
import { type CostOwner, copyDailyCostsToDatabase, type UnitImport } from "./copy-daily-costs.js";
import { costsRoot, sha256OfFile, unitPath } from "./cost-paths.js";
import { recordVendorNames } from "./cost-vendors.js";
import { dailyAccounts } from "./daily-costs.js";
import { COST_IMPORT_LOCK, keepAcceptedFiles, type PendingUnit } from "./detailed-lines.js";
import { withDuckDb } from "./duckdb.js";
import { type CostAccount, costAccountKey, matchCostOwners } from "./match-cost-owners.js";
import { type StagedUnit, stageFocusFile } from "./stage-focus-file.js";

export interface CostFile {
  /** Where the bytes are (an upload's temporary file, or the operator's path). */
  path: string;
  /** The name a refusal and the history show. */
  name: string;
}

export interface ImportedUnit {
  vendor: string;
  vendorName: string;
  billingAccountId: string;
  billingPeriod: string;
  lineCount: number;
  /** "imported": new; "replaced": restated, the earlier import is no longer in force; "unchanged": the same file(s) again. */
  outcome: "imported" | "replaced" | "unchanged";
}

export interface CostImportSummary {
  batchId: string;
  units: ImportedUnit[];
  lineCount: number;
  /** Accounts of these files that match no customer (listUnmatchedAccounts has them all). */
  unmatchedAccounts: number;
}

interface Staged {
  file: CostFile;
  sha256: string;
  index: number;
  units: StagedUnit[];
}

/**
 * Imports FOCUS files, all or nothing (MCR-BIL-01, MCR-BIL-04). The critical path (issue 17):
 * DuckDB reads each file once, checking every rule and summing its lines by day as it goes
 * (stageFocusFile), and any refusal keeps nothing of any file; then, per (vendor, billing
 * account, billing period) unit: the same file(s) as the import in force change nothing (a file
 * imported twice bills nothing twice); other files replace it (FOCUS data is restated). The
 * daily sums are bulk-loaded into cost_daily with their customer (matchCostOwners), in one
 * transaction with the import records, the budgets' check and the audit entry; the accepted
 * files are kept in the same step. The detailed lines' Parquet is written after the commit, off
 * the critical path (writePendingDetailedLines, detailed-lines.ts): the caller runs it or leaves
 * it to the background work.
 */
export async function importCosts(
  context: Pick<AppContext, "config" | "contract">,
  db: Db,
  files: readonly CostFile[],
  actor: AuditActor,
  now: Date,
): Promise<CostImportSummary> {
  const root = costsRoot(context);
  const batchId = randomUUID();
  const staging = join(root, ".staging", batchId);
  mkdirSync(staging, { recursive: true });
  let kept: string | undefined;
  // The files' hashes are read while DuckDB reads them: both are a pass over every byte.
  const hashes = Promise.all(files.map((file) => sha256OfFile(file.path)));
  hashes.catch(() => {});
  try {
    return await withDuckDb(staging, async (duck) => {
      const staged: Staged[] = [];
      for (const [index, file] of files.entries()) {
        const { units } = await stageFocusFile(duck, file.path, file.name, index);
        staged.push({ file, index, sha256: "", units });
      }
      for (const [index, sha256] of (await hashes).entries()) (staged[index] as Staged).sha256 = sha256;
      const accounts = await dailyAccounts(duck);
      const { summary, replacedPaths } = await atomically(db, async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${COST_IMPORT_LOCK})`);
        const recorded = await recordUnits(tx, duck, { batchId, staging }, { staged, accounts }, actor, now);
        // Budgets are checked against the months the import brought, with it (MCR 6.1.2 alerts).
        for (const { organisationId, month } of recorded.touched)
          await checkBudgets(context, tx, organisationId, month, actor, now);
        if (recorded.pending.length > 0) {
          const used = new Set(recorded.pending.map((u) => u.file));
          kept = keepAcceptedFiles(
            root,
            batchId,
            staged
              .filter((s) => used.has(s.index))
              .map((s) => ({ index: s.index, name: s.file.name, path: s.file.path })),
            recorded.pending,
          );
        }
        return recorded;
      });
      kept = undefined;
      for (const path of replacedPaths) rmSync(join(root, path), { recursive: true, force: true });
      return summary;
    });
  } catch (error) {
    if (kept) rmSync(kept, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

const unitKey = (u: { vendor: string; billingAccountId: string; period: string }) =>
  `${u.vendor}\u0000${u.billingAccountId}\u0000${u.period}`;

async function recordUnits(
  tx: Db,
  duck: DuckDBConnection,
  { batchId, staging }: { batchId: string; staging: string },
  { staged, accounts }: { staged: Staged[]; accounts: CostAccount[] },
  actor: AuditActor,
  now: Date,
): Promise<{
  summary: CostImportSummary;
  replacedPaths: string[];
  touched: Array<{ organisationId: string; month: string }>;
  pending: PendingUnit[];
}> {
  // The files of this import per unit, and the files in force for it now.
  const byUnit = new Map<string, Array<{ s: Staged; unit: StagedUnit }>>();
  for (const s of staged)
    for (const unit of s.units)
      byUnit.set(unitKey(unit), [...(byUnit.get(unitKey(unit)) ?? []), { s, unit }]);
  const owners = await matchCostOwners(tx, accounts);
  const units: ImportedUnit[] = [];
  const replacedPaths: string[] = [];
  const recorded: UnitImport[] = [];
  for (const parts of byUnit.values()) {
    const first = parts[0]?.unit as StagedUnit;
    const inForce = await tx
      .select({ id: costImports.id, sha: costImports.fileSha256, path: costImports.parquetPath })
      .from(costImports)
      .where(
        and(
          eq(costImports.vendor, first.vendor),
          eq(costImports.billingAccountId, first.billingAccountId),
          eq(costImports.billingPeriod, first.period),
          eq(costImports.status, "in_force"),
        ),
      );
    const lineCount = parts.reduce((n, p) => n + p.unit.lineCount, 0);
    const described = {
      vendor: first.vendor,
      vendorName: first.vendorName,
      billingAccountId: first.billingAccountId,
      billingPeriod: first.period,
      lineCount,
    };
    const same =
      inForce
        .map((r) => r.sha)
        .sort()
        .join() ===
      parts
        .map((p) => p.s.sha256)
        .sort()
        .join();
    if (same) {
      units.push({ ...described, outcome: "unchanged" });
      continue;
    }
    if (inForce.length > 0) {
      const ids = inForce.map((r) => r.id);
      await tx.delete(costDaily).where(inArray(costDaily.importId, ids));
      replacedPaths.push(...inForce.map((r) => r.path));
    }
    let replacedBy: string | undefined;
    for (const { s, unit } of parts) {
      const importId = randomUUID();
      replacedBy ??= importId;
      // Where its Parquet will be once written (writePendingDetailedLines).
      const path = unitPath(unit, importId);
      await tx.insert(costImports).values({
        id: importId,
        batchId,
        fileName: s.file.name,
        fileSha256: s.sha256,
        vendor: unit.vendor,
        vendorName: unit.vendorName,
        billingAccountId: unit.billingAccountId,
        billingPeriod: unit.period,
        parquetPath: path,
        lineCount: unit.lineCount,
        status: "in_force",
        importedByUserId: actor.userId,
        importedAt: now,
      });
      recorded.push({
        file: s.index,
        period: unit.period,
        vendor: unit.vendor,
        accountKey: unit.accountKey,
        importId,
      });
    }
    if (inForce.length > 0)
      await tx
        .update(costImports)
        .set({ status: "replaced", replacedById: replacedBy })
        .where(
          inArray(
            costImports.id,
            inForce.map((r) => r.id),
          ),
        );
    units.push({ ...described, outcome: inForce.length > 0 ? "replaced" : "imported" });
  }
  await recordVendorNames(
    tx,
    units.filter((u) => u.outcome !== "unchanged"),
    now,
  );
  const owned = accounts.flatMap((a): CostOwner[] => {
    const organisationId = owners.get(costAccountKey(a));
    return organisationId ? [{ ...a, organisationId }] : [];
  });
  const touched = await copyDailyCostsToDatabase(tx, duck, recorded, owned, staging);
  const unmatched = accounts.length - owned.length;
  const summary: CostImportSummary = {
    batchId,
    units,
    lineCount: staged.reduce((n, s) => n + s.units.reduce((m, u) => m + u.lineCount, 0), 0),
    unmatchedAccounts: unmatched,
  };
  await recordAudit(
    tx,
    actor,
    {
      action: "billing.costs_imported",
      targetType: "cost_import_batch",
      targetId: batchId,
      data: {
        files: staged.map((s) => ({ name: s.file.name, sha256: s.sha256 })),
        units,
        unmatchedAccounts: unmatched,
      },
    },
    now,
  );
  return { summary, replacedPaths, touched, pending: recorded };
}
