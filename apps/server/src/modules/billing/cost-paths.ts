import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { join } from "node:path";
import type { AppContext } from "../../app-context.js";

/**
 * Where the detailed lines live: `<data dir>/<contract>/costs/period=YYYY-MM/vendor=<slug>/
 * account=<key>/import=<id>/lines_N.parquet`, a Hive layout DuckDB reads by glob. Staging (DuckDB's
 * spill while files are checked) is under `costs/.staging/<batch>`, removed whatever the outcome;
 * the accepted files waiting for their Parquet under `costs/.pending/<batch>` (detailed-lines.ts).
 */
export function costsRoot(context: Pick<AppContext, "config" | "contract">): string {
  return join(context.config.GUICHET_DATA_DIR, context.contract.id, "costs");
}

export function unitPath(
  unit: { period: string; vendor: string; accountKey: string },
  importId: string,
): string {
  return join(
    `period=${unit.period}`,
    `vendor=${unit.vendor}`,
    `account=${unit.accountKey}`,
    `import=${importId}`,
  );
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
