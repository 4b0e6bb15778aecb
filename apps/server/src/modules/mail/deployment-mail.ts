import type { AppContext } from "../../app-context.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import type { EnqueueMail } from "./enqueue-mail.js";
import type { MailKind } from "./templates.js";
import { TICKET_NOUNS } from "./texts-desk.js";

/**
 * What every mail of a deployment shares: the portal's name, what it calls a ticket, its address,
 * its time zone.
 */
export function deploymentMail(
  context: Pick<AppContext, "contract" | "config">,
  now: Date,
): Pick<EnqueueMail<MailKind>, "portalName" | "ticketNoun" | "publicUrl" | "timeZone" | "now"> {
  return {
    portalName: context.contract.provider.portalName,
    ticketNoun: TICKET_NOUNS[context.contract.ticketWorkflow.vocabulary],
    publicUrl: context.config.PUBLIC_URL,
    timeZone: timeZoneOf(context.contract),
    now,
  };
}
