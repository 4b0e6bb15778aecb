import type { portalOutages } from "@guichet/db";
import type { Contract } from "@guichet/domain";
import { z } from "zod";

export type PortalOutage = typeof portalOutages.$inferSelect;

export const ZOutageView = z
  .object({
    id: z.string(),
    startsAt: z.string(),
    endsAt: z.string().nullable(),
    reason: z.string(),
  })
  .meta({ id: "PortalOutage" });

/** The same fields as the desk's activePortalOutage, so a client reads one shape. */
export function presentOutage(outage: PortalOutage): z.infer<typeof ZOutageView> {
  return {
    id: outage.id,
    startsAt: outage.startsAt.toISOString(),
    endsAt: outage.endsAt?.toISOString() ?? null,
    reason: outage.reason,
  };
}

/**
 * The clause that gives a declared outage its effect: e-mail opens tickets only while the portal is
 * down (MCR-SUP-03 for non-Premium plans, DSN-SUP-08 at the fallback address). Null when no plan
 * of the contract takes e-mail that way: a declaration is then only information.
 */
export function outageClauseOf(contract: Contract): string | null {
  const plans = Object.values(contract.supportPlans);
  return (
    plans.find((plan) => plan.channels.email?.accept === "when-portal-unavailable")?.channels.email?.clause ??
    null
  );
}
