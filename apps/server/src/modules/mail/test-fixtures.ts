import type { Db } from "@guichet/db";
import { sentenceWords, ZVocabulary } from "@guichet/domain";
import { type EnqueueMail, enqueueMail } from "./enqueue-mail.js";

const REQUESTS = ZVocabulary.parse("requests");

/** Shared by the mail module's database tests. */

export const PUBLIC_URL = "https://portail.example.fr";
export const PORTAL_NAME = { fr: "Portail Exemple", en: "Example Portal" };
export const SENDER = { name: "Portail Exemple", address: "no-reply@portail.example.fr" };

/** An invitation as the accounts module would enqueue it; any field can be overridden. */
export function invitation(
  now: Date,
  overrides: Partial<EnqueueMail<"invitation">> = {},
): EnqueueMail<"invitation"> {
  return {
    organisationId: null,
    kind: "invitation",
    to: "camille.martin@acme.example",
    locale: "fr",
    params: {
      firstName: "Camille",
      organisationName: "Acme Industrie",
      link: `${PUBLIC_URL}/invitation/s3cr3t`,
      expiresAt: new Date(now.getTime() + 3 * 24 * 3_600_000),
    },
    clause: "MCR-ACC-01",
    portalName: PORTAL_NAME,
    ticketWords: { fr: sentenceWords(REQUESTS, "fr"), en: sentenceWords(REQUESTS, "en") },
    publicUrl: PUBLIC_URL,
    now,
    ...overrides,
  };
}

/** Enqueues outside any business change, in a transaction of its own. */
export async function enqueueInvitation(
  db: Db,
  now: Date,
  overrides: Partial<EnqueueMail<"invitation">> = {},
): Promise<{ id: string; messageId: string }> {
  return db.transaction((tx) => enqueueMail(tx, invitation(now, overrides)));
}
