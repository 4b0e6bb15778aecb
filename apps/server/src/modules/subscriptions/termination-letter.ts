import type { Contract } from "@guichet/domain";
import { formatCivilDate } from "@guichet/domain";

/**
 * The registered letter the operator sends to terminate (DSN art. 9, DSN-ORD-04): Guichet cannot
 * send registered mail, so it writes the letter for the customer to print, sign and send "par
 * lettre recommandée avec demande d'avis de réception". French: the contract's language.
 */
export function terminationLetter(
  contract: Contract,
  input: { customerName: string; scope: "contract" | "service"; serviceName?: string; today: string },
): string {
  const provider = contract.provider.name;
  const channel = contract.notices.contractTermination?.channels?.includes("registered-letter")
    ? "Lettre recommandée avec demande d'avis de réception"
    : "Courrier";
  const object =
    input.scope === "contract"
      ? "Objet : résiliation du Contrat et de l'ensemble des e-services souscrits"
      : `Objet : résiliation de l'e-service « ${input.serviceName ?? ""} »`;
  const notice = contract.notices.contractTermination?.period;
  const body =
    input.scope === "contract"
      ? `Par la présente, ${input.customerName} vous notifie la résiliation du Contrat qui nous lie${
          notice?.kind === "duration" && notice.unit === "months"
            ? `, moyennant le préavis de ${notice.amount} mois`
            : ""
        }, à compter de la réception de ce courrier. Cette résiliation entraîne celle de l'ensemble des e-services souscrits (${contract.notices.contractTermination?.clause ?? ""}).`
      : `Par la présente, ${input.customerName} vous notifie la résiliation de l'e-service « ${input.serviceName ?? ""} », moyennant le préavis indiqué dans ses Conditions Spécifiques, à compter de la réception de ce courrier (${contract.notices.serviceTermination?.clause ?? ""}).`;
  return [
    input.customerName,
    "",
    `À l'attention de : ${provider}`,
    "",
    channel,
    `Le ${formatCivilDate(input.today, "fr")}`,
    "",
    object,
    "",
    "Madame, Monsieur,",
    "",
    body,
    "",
    "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
    "",
    "Nom, qualité et signature :",
    "",
  ].join("\n");
}
