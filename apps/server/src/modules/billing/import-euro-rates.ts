import { atomically, type Db, euroRates } from "@guichet/db";
import { parseEcbRates } from "@guichet/domain";
import { sql } from "drizzle-orm";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";

/**
 * Imports an ECB reference-rate file (`guichet rates import`), all or nothing: a bad line refuses
 * the file (RateFileError). A day's rate already known is replaced by the file's (the ECB does not
 * revise them; a corrected file wins).
 */
export async function importEuroRates(
  db: Db,
  text: string,
  fileName: string,
  actor: AuditActor,
  now: Date,
): Promise<{ rates: number; days: number; currencies: string[] }> {
  const rates = parseEcbRates(text);
  return atomically(db, async (tx) => {
    for (let i = 0; i < rates.length; i += 2_000) {
      await tx
        .insert(euroRates)
        .values(
          rates
            .slice(i, i + 2_000)
            .map((r) => ({ day: r.day, currency: r.currency, unitsPerEuro: r.text, importedAt: now })),
        )
        .onConflictDoUpdate({
          target: [euroRates.day, euroRates.currency],
          set: { unitsPerEuro: sql`excluded.units_per_euro`, importedAt: now },
        });
    }
    const days = new Set(rates.map((r) => r.day));
    const currencies = [...new Set(rates.map((r) => r.currency))].sort();
    const sorted = [...days].sort();
    await recordAudit(
      tx,
      actor,
      {
        action: "billing.rates_imported",
        targetType: "euro_rates",
        data: {
          fileName,
          rates: rates.length,
          from: sorted[0] ?? null,
          to: sorted.at(-1) ?? null,
          currencies,
        },
      },
      now,
    );
    return { rates: rates.length, days: days.size, currencies };
  });
}
