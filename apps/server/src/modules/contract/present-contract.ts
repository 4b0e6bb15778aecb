import { type Contract, formatTarget, PRIORITIES } from "@guichet/domain";
import { z } from "zod";

const ZLabel = z.object({ fr: z.string(), en: z.string() });

/** The public face of the contract: what a customer may read before signing in. */
export const ZContractSummary = z.object({
  id: z.string(),
  version: z.string(),
  title: ZLabel,
  provider: z.object({ name: z.string(), portalName: ZLabel, supportDeskName: ZLabel.optional() }),
  priorities: z.array(z.object({ id: z.enum(PRIORITIES), label: ZLabel, definition: ZLabel.optional() })),
  supportPlans: z.array(
    z.object({
      id: z.string(),
      name: ZLabel,
      initialResponse: z
        .array(z.object({ priority: z.enum(PRIORITIES), target: ZLabel, calendar: z.string() }))
        .optional(),
      clause: z.string(),
    }),
  ),
  catalogue: z.array(z.object({ id: z.string(), kind: z.string(), name: ZLabel })),
  /** What the password form shows (DSN-ID-02: the strongest level recommended). */
  passwordPolicy: z.object({ minimumStrength: z.number(), recommendedStrength: z.number() }),
});

export type ContractSummary = z.infer<typeof ZContractSummary>;

export function presentContract(contract: Contract): ContractSummary {
  return {
    id: contract.id,
    version: contract.version,
    title: contract.title,
    provider: {
      name: contract.provider.name,
      portalName: contract.provider.portalName,
      supportDeskName: contract.provider.supportDeskName,
    },
    priorities: PRIORITIES.map((id) => {
      const level = contract.priorities.levels[id];
      return { id, label: level.label, definition: level.definition };
    }),
    supportPlans: Object.entries(contract.supportPlans)
      .sort(([, a], [, b]) => a.rank - b.rank)
      .map(([id, plan]) => ({
        id,
        name: plan.name,
        clause: plan.clause,
        initialResponse: plan.sla.initialResponse
          ? PRIORITIES.map((priority) => {
              const target = plan.sla.initialResponse?.[priority];
              return {
                priority,
                calendar: target?.calendar ?? "",
                target: {
                  fr: target ? formatTarget(target.target, "fr") : "",
                  en: target ? formatTarget(target.target, "en") : "",
                },
              };
            })
          : undefined,
      })),
    catalogue: contract.catalogue.items.map((item) => ({ id: item.id, kind: item.kind, name: item.name })),
    passwordPolicy: {
      minimumStrength: contract.identifierPolicy.password.minimumStrength,
      recommendedStrength: contract.identifierPolicy.password.recommendedStrength,
    },
  };
}
