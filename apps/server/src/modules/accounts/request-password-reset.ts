import { users } from "@guichet/db";
import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { recordAudit } from "../audit/record-audit.js";
import { deploymentMail } from "../mail/deployment-mail.js";
import { enqueueMail } from "../mail/enqueue-mail.js";
import { issueLink } from "./issue-link.js";

interface RequestInfo {
  ip?: string;
  id?: string;
  headers: Record<string, unknown>;
}

/**
 * Sends a reset link to an active identifier. The caller answers the same whether or not the
 * address is known, so the form does not reveal who has an account.
 */
export async function requestPasswordReset(
  context: AppContext,
  email: string,
  request: RequestInfo,
  now: Date,
): Promise<void> {
  const { db } = context.database;
  const address = email.trim().toLowerCase();
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.email, address), eq(users.status, "active")));
  const actor = {
    userId: user?.id ?? null,
    label: user ? `${user.firstName} ${user.lastName} <${user.email}>` : `? <${address}>`,
    organisationId: user?.organisationId ?? null,
    via: "anonymous" as const,
    ip: request.ip ?? null,
    requestId: request.id ?? null,
    userAgent: typeof request.headers["user-agent"] === "string" ? request.headers["user-agent"] : null,
  };
  if (!user) {
    await recordAudit(
      db,
      actor,
      { action: "auth.password_reset_request", outcome: "failure", data: { email: address } },
      now,
    );
    return;
  }
  await db.transaction(async (tx) => {
    const { link, expiresAt } = await issueLink(
      tx,
      context.contract,
      context.config.PUBLIC_URL,
      { userId: user.id, organisationId: user.organisationId, purpose: "password_reset" },
      now,
    );
    await enqueueMail(tx, {
      organisationId: user.organisationId,
      kind: "password_reset",
      to: user.email,
      locale: user.locale,
      params: { firstName: user.firstName, link, expiresAt },
      clause: null,
      ...deploymentMail(context, now),
    });
    await recordAudit(
      tx,
      actor,
      { action: "auth.password_reset_request", targetType: "user", targetId: user.id },
      now,
    );
  });
}
