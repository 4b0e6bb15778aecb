import { readFileSync } from "node:fs";
import type { Database } from "@guichet/db";
import { organisations } from "@guichet/db";
import type { AuditBreak, AuditVerification, BreakReason } from "../modules/audit/chain-verifier.js";
import { PROVIDER_CHAIN } from "../modules/audit/record-audit.js";
import { verifyAuditTrail } from "../modules/audit/verify-audit.js";
import { verifyChainExport } from "../modules/audit/verify-export.js";
import type { CommandResult } from "./commands.js";

const REASONS: Record<BreakReason, string> = {
  content_changed: "its content was changed after it was written",
  chain_broken:
    "its link to the previous entry of its chain does not match (an entry before it was removed or inserted)",
  wrong_chain: "it is about another organisation than its chain's",
  anchored_head_changed: "an anchor recorded another hash for it",
  anchored_head_missing:
    "an anchor recorded it as its chain's head and it is gone (the chain's tail was deleted)",
  anchor_changed: "its content was changed after it was written",
  anchor_unlinked: "its link to the previous anchor does not match",
};

function chainName(chain: string | null, names: Map<string, string>): string {
  if (chain === "genesis") return "the genesis segment (entries before per-organisation chains)";
  if (chain === PROVIDER_CHAIN) return "the provider's chain";
  const name = chain ? names.get(chain) : undefined;
  return `organisation ${chain}${name ? ` (${name})` : ""}`;
}

function describe(broken: AuditBreak, names: Map<string, string>): string {
  const where =
    broken.kind === "anchor"
      ? `anchor #${broken.seq}`
      : `entry #${broken.seq} of ${chainName(broken.chain, names)}`;
  const by = broken.anchorSeq === undefined ? "" : `, per anchor #${broken.anchorSeq}`;
  return `broken at ${where}: ${REASONS[broken.reason]}${by}`;
}

function answer(result: AuditVerification, names: Map<string, string>): CommandResult {
  const counts = `${result.entries} entries in ${result.chains} chains, ${result.anchors} anchors`;
  return result.intact
    ? { code: 0, out: `intact (${counts})` }
    : { code: 1, err: `${describe(result.broken, names)} (${counts} intact before it)` };
}

/** `guichet audit verify`: every chain and the anchors, in the deployment's database. */
export async function verifyDatabaseTrail(database: Database): Promise<CommandResult> {
  const result = await verifyAuditTrail(database.db);
  const names = new Map(
    (await database.db.select({ id: organisations.id, name: organisations.name }).from(organisations)).map(
      (o) => [o.id, o.name],
    ),
  );
  return answer(result, names);
}

/** `guichet audit verify --file FILE`: one organisation's exported chain, offline, no database. */
export function verifyExportFile(file: string): CommandResult {
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    return { code: 1, err: `${file}: not readable as JSON (${(error as Error).message})` };
  }
  const result = verifyChainExport(input);
  if ("invalid" in result) return { code: 1, err: `${file}: not an audit chain export: ${result.invalid}` };
  return answer(result, new Map());
}
