import { contractRules, type Language } from "@guichet/domain";
import type { AppContext } from "../../app-context.js";
import { deploymentMail } from "../mail/deployment-mail.js";
import { enqueueMail } from "../mail/enqueue-mail.js";
import { issueLink } from "./issue-link.js";

type Executor = Parameters<typeof issueLink>[0] & Parameters<typeof enqueueMail>[0];

/**
 * Gives an invited person her single-use link to set a password and queues the invitation mail in
 * her language, citing the contract's invitation clause (MCR-ACC-01, DSN-ID-02), in the caller's
 * transaction, and answers the link (`guichet init` prints it). A customer's mail is its tenant's; the provider's own staff's is the deployment's.
 */
export async function sendInvitation(
  tx: Executor,
  context: Pick<AppContext, "contract" | "config">,
  invitee: {
    userId: string;
    email: string;
    firstName: string;
    locale: Language;
    organisation: { id: string; kind: "provider" | "customer"; name: string };
  },
  now: Date,
): Promise<{ link: string; expiresAt: Date }> {
  const { organisation } = invitee;
  const { link, expiresAt } = await issueLink(
    tx,
    context.contract,
    context.config.PUBLIC_URL,
    { userId: invitee.userId, organisationId: organisation.id, purpose: "invitation" },
    now,
  );
  await enqueueMail(tx, {
    organisationId: organisation.kind === "customer" ? organisation.id : null,
    kind: "invitation",
    to: invitee.email,
    locale: invitee.locale,
    params: { firstName: invitee.firstName, organisationName: organisation.name, link, expiresAt },
    clause: contractRules(context.contract).invitation,
    ...deploymentMail(context, now),
  });
  return { link, expiresAt };
}
