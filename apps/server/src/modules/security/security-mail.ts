import { type Db, organisations } from "@guichet/db";
import type { Language } from "@guichet/domain";
import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import type { Locale } from "../../i18n/index.js";
import { writingFor } from "../../i18n/reader.js";
import { deploymentMail } from "../mail/deployment-mail.js";
import { enqueueMail } from "../mail/enqueue-mail.js";
import type { MailKind, MailParams } from "../mail/templates.js";
import type { SecurityRecipient } from "./security-recipients.js";

/** Mails one security notice to each recipient, in the caller's transaction (through the outbox). */
export async function mailSecurity<K extends MailKind>(
  tx: Db,
  context: Pick<AppContext, "contract" | "config">,
  now: Date,
  mail: {
    organisationId: string;
    kind: K;
    clause: string;
    recipients: SecurityRecipient[];
    /** `locale`: the catalogue the mail's texts come from; `language`: the recipient's own (issue 23). */
    params: (
      recipient: Omit<SecurityRecipient, "locale"> & { locale: Locale; language: Language },
    ) => MailParams[K];
  },
): Promise<void> {
  for (const recipient of mail.recipients) {
    await enqueueMail(tx, {
      organisationId: mail.organisationId,
      kind: mail.kind,
      to: recipient.email,
      locale: recipient.locale,
      params: writingFor(recipient.locale, context.contract, (locale) =>
        mail.params({ ...recipient, locale, language: recipient.locale }),
      ),
      clause: mail.clause,
      ...deploymentMail(context, now),
    });
  }
}

/** An operator (a customer organisation) by id, or undefined: what incidents and audits concern. */
export async function operatorById(tx: Db, organisationId: string) {
  const [organisation] = await tx
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), eq(organisations.kind, "customer")));
  return organisation;
}
