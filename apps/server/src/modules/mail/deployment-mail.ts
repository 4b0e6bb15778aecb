import { contractLanguages, sentenceWords } from "@guichet/domain";
import type { AppContext } from "../../app-context.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import type { EnqueueMail } from "./enqueue-mail.js";
import type { MailKind } from "./templates.js";

/**
 * What every mail of a deployment shares: the portal's name, what it calls a ticket, its address,
 * its time zone.
 */
export function deploymentMail(
  context: Pick<AppContext, "contract" | "config">,
  now: Date,
): Pick<
  EnqueueMail<MailKind>,
  "portalName" | "ticketWords" | "languages" | "publicUrl" | "timeZone" | "now"
> {
  return {
    languages: contractLanguages(context.contract),
    portalName: context.contract.provider.portalName,
    ticketWords: {
      fr: sentenceWords(context.contract.ticketWorkflow.vocabulary, "fr"),
      en: sentenceWords(context.contract.ticketWorkflow.vocabulary, "en"),
      de: sentenceWords(context.contract.ticketWorkflow.vocabulary, "de"),
    },
    publicUrl: context.config.PUBLIC_URL,
    timeZone: timeZoneOf(context.contract),
    now,
  };
}
