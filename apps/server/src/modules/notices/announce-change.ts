import {
  type ContractChange,
  changeNotices,
  contractChanges,
  type Db,
  priceRevisions,
  specificConditions,
  users,
} from "@guichet/db";
import { type Contract, changeRuleOf, formatCivilDate, localDateIn } from "@guichet/domain";
import { and, arrayOverlaps, asc, eq, sql } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { t } from "../../i18n/index.js";
import { writingFor } from "../../i18n/reader.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { readConditionsInForce } from "../catalogue/specific-conditions.js";
import { deploymentMail } from "../mail/deployment-mail.js";
import { enqueueMail } from "../mail/enqueue-mail.js";
import { renderChangeLetter } from "./change-letter.js";
import type { PriceMove } from "./change-targets.js";
import {
  type ChangeInput,
  type ChangeRefusal,
  changeRefusal,
  type PlannedChange,
  planChange,
} from "./plan-change.js";
import { isDirect, type NewConditions, planConditionsChange } from "./plan-conditions-change.js";
import { movesWords } from "./price-words.js";

/** Who reads a customer's notices by e-mail: its administrators and billing readers. */
const NOTICE_ROLES = ["customer_admin", "billing_reader"];

export type AnnounceResult =
  | { ok: true; change: ContractChange; notices: number; mailed: number; replayed: boolean }
  | ChangeRefusal;

/** As the contract file writes money ("79.00 CHF"), so parseMoney reads it back with its currency. */
const moneyText = (cents: number, currency: string) =>
  `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")} ${currency}`;

function minimumCurrency(contract: Contract, priceKey: string): string {
  const price = contract.prices[priceKey];
  return price?.kind === "percent-of-invoice" && price.monthlyMinimum
    ? price.monthlyMinimum.currency
    : contract.currency;
}

/** On its date the new price applies by itself: invoices read these rows (issue 18). */
async function recordNewPrices(
  tx: Db,
  change: ContractChange,
  moves: readonly PriceMove[],
  actorId: string | null,
  contract: Contract,
) {
  for (const move of moves) {
    if (move.target === "support") {
      const basisPoints = move.after.basisPoints ?? 0;
      await tx.insert(priceRevisions).values({
        changeId: change.id,
        priceKey: move.priceKey,
        effectiveFrom: change.effectiveFrom,
        percent: `${Math.floor(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, "0")}`,
        monthlyMinimum:
          move.after.minimumCents === null || move.after.minimumCents === undefined
            ? null
            : // The revised minimum keeps the currency the price is written in (issue 17).
              moneyText(move.after.minimumCents, minimumCurrency(contract, move.priceKey)),
        createdAt: change.announcedAt,
      });
      continue;
    }
    // An e-service: a new version of its specific conditions from the change's date (DSN art. 6).
    const conditions = await readConditionsInForce(tx, move.priceKey, change.effectiveFrom);
    if (!conditions) throw new Error(`announceChange: no specific conditions for ${move.priceKey}`);
    await tx.insert(specificConditions).values({
      catalogueItemId: move.priceKey,
      effectiveFrom: change.effectiveFrom,
      documentTitle: conditions.documentTitle,
      documentVersion: `${conditions.documentVersion} — ${change.title}`.slice(0, 200),
      monthlyPriceCents: move.after.monthlyCents ?? conditions.monthlyPriceCents,
      minimumMonths: conditions.minimumMonths,
      terminationNoticeMonths: conditions.terminationNoticeMonths,
      maintenanceNoticeDays: conditions.maintenanceNoticeDays,
      changeNoticeMonths: conditions.changeNoticeMonths ?? null,
      demo: conditions.demo,
      createdByUserId: actorId,
      createdAt: change.announcedAt,
    });
  }
}

/** A new version of an e-service's specific conditions from the change's date (DSN 10.2). */
async function recordNewConditions(
  tx: Db,
  change: ContractChange,
  conditions: NewConditions,
  actorId: string,
) {
  await tx.insert(specificConditions).values({
    ...conditions,
    demo: false,
    createdByUserId: actorId,
    createdAt: change.announcedAt,
  });
}

/**
 * The same change published twice (under another key): the same kind, title and date, or a price
 * already revised on that date (at most one revision of a price per date, MCR-BIL-05). Checked
 * before planning, since the first publication already changed the prices a second would compare.
 */
async function alreadyAnnounced(tx: Db, input: ChangeInput): Promise<{ title: string } | undefined> {
  const [same] = await tx
    .select({ title: contractChanges.title })
    .from(contractChanges)
    .where(
      and(
        eq(contractChanges.kind, input.kind),
        eq(contractChanges.effectiveFrom, input.effectiveFrom),
        eq(contractChanges.title, input.title),
      ),
    )
    .limit(1);
  if (same) return same;
  const keys =
    input.kind === "price"
      ? input.prices
      : input.conditions
        ? [{ priceKey: input.conditions.catalogueItemId }]
        : [];
  for (const { priceKey } of keys) {
    const revised = await tx
      .select({ id: priceRevisions.id })
      .from(priceRevisions)
      .where(
        and(eq(priceRevisions.priceKey, priceKey), eq(priceRevisions.effectiveFrom, input.effectiveFrom)),
      );
    const conditions = await tx
      .select({ id: specificConditions.id })
      .from(specificConditions)
      .where(
        and(
          eq(specificConditions.catalogueItemId, priceKey),
          eq(specificConditions.effectiveFrom, input.effectiveFrom),
        ),
      );
    if (revised.length + conditions.length > 0) return { title: priceKey };
  }
  return undefined;
}

/**
 * Announces a change with notice (issue 18: MCR-BIL-05, DSN-BIL-01, DSN-BIL-02): refused with its
 * clause when the date falls inside a recipient's notice (planChange); otherwise, in one
 * transaction, the change, each affected customer's notice (the per-recipient log) with its
 * letter when the clause says "par écrit", the e-mails in the outbox when the clause names e-mail
 * or writing, the new prices from their date, and the audit entries. The same idempotency key
 * again returns the first announcement; the same change under another key is refused.
 */
export async function announceChange(
  db: Db,
  context: Pick<AppContext, "contract" | "config">,
  input: ChangeInput & { idempotencyKey: string },
  announcer: { userId: string; actor: AuditActor },
  now: Date,
): Promise<AnnounceResult> {
  const { contract } = context;
  const today = localDateIn(now, timeZoneOf(contract));
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    // Announcements queue: two at once cannot both revise the same price on the same date.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('guichet:contract-changes'))`);
    const [replay] = await tx
      .select()
      .from(contractChanges)
      .where(eq(contractChanges.idempotencyKey, input.idempotencyKey));
    if (replay) {
      const sent = await tx
        .select({ mailed: changeNotices.mailed })
        .from(changeNotices)
        .where(eq(changeNotices.changeId, replay.id));
      const mailed = sent.reduce((sum, n) => sum + n.mailed, 0);
      return { ok: true as const, change: replay, notices: sent.length, mailed, replayed: true };
    }
    const twin = await alreadyAnnounced(tx, input);
    if (twin)
      return changeRefusal("notice.already_announced", changeRuleOf(contract, input.kind)?.clause, {
        title: twin.title,
        effectiveFrom: input.effectiveFrom,
      });
    const planned = input.conditions
      ? await planConditionsChange(tx, contract, input.conditions, today)
      : await planChange(tx, contract, input, today);
    if (!planned.ok) return planned;
    // Nobody holds the e-service any more (it was checked before the lock): nothing to announce.
    if (isDirect(planned))
      return changeRefusal("notice.no_affected_customer", changeRuleOf(contract, input.kind)?.clause);
    const [change] = await tx
      .insert(contractChanges)
      .values({
        kind: input.kind,
        title: input.title,
        body: input.body,
        announcedOn: today,
        effectiveFrom: input.effectiveFrom,
        earliestAllowed: planned.earliest,
        clause: planned.clause,
        prices: planned.moves,
        idempotencyKey: input.idempotencyKey,
        announcedAt: now,
        announcedBy: announcer.userId,
      })
      .returning();
    if (!change) throw new Error("announceChange: insert returned nothing");
    if (input.conditions) await recordNewConditions(tx, change, input.conditions, announcer.userId);
    else await recordNewPrices(tx, change, planned.moves, announcer.userId, contract);
    let mailed = 0;
    for (const recipient of planned.recipients) {
      mailed += await notifyRecipient(tx, context, change, planned, recipient, announcer.actor, now);
    }
    await recordAudit(
      tx,
      announcer.actor,
      {
        action: "contract_change.announced",
        targetType: "contract_change",
        targetId: change.id,
        data: {
          kind: change.kind,
          effectiveFrom: change.effectiveFrom,
          earliestAllowed: change.earliestAllowed,
          clause: change.clause,
          recipients: planned.recipients.length,
          mailed,
        },
      },
      now,
    );
    return { ok: true as const, change, notices: planned.recipients.length, mailed, replayed: false };
  });
}

/** One customer's notice: its row, its letter when written, its e-mails, its audit entry. Returns the mails written. */
async function notifyRecipient(
  tx: Db,
  context: Pick<AppContext, "contract" | "config">,
  change: ContractChange,
  planned: PlannedChange,
  recipient: PlannedChange["recipients"][number],
  actor: AuditActor,
  now: Date,
): Promise<number> {
  const { contract } = context;
  const moves = planned.moves.filter((m) => recipient.priceKeys.includes(m.priceKey));
  const written = recipient.channels.includes("written") || recipient.signature;
  const letter = written
    ? await renderChangeLetter({
        provider: contract.provider.legalName ?? contract.provider.name,
        customer: recipient.name,
        madeAvailableAt: now,
        title: change.title,
        body: change.body,
        effectiveFrom: change.effectiveFrom,
        earliestAllowed: recipient.earliest,
        clause: recipient.clause,
        direction: recipient.direction,
        prices: moves,
        currency: contract.currency,
        signatureRequired: recipient.signature,
        harmfulTermination: recipient.harmfulTermination,
      })
    : undefined;
  const byMail = written || recipient.channels.includes("email");
  const people = byMail
    ? await tx
        .select({ email: users.email, firstName: users.firstName, locale: users.locale })
        .from(users)
        .where(
          and(
            eq(users.organisationId, recipient.organisationId),
            eq(users.status, "active"),
            arrayOverlaps(users.roles, NOTICE_ROLES),
          ),
        )
        .orderBy(asc(users.email))
    : [];
  const [notice] = await tx
    .insert(changeNotices)
    .values({
      changeId: change.id,
      organisationId: recipient.organisationId,
      direction: recipient.direction,
      clause: recipient.clause,
      channels: [...recipient.channels],
      earliestAllowed: recipient.earliest,
      signatureRequired: recipient.signature,
      harmfulTermination: recipient.harmfulTermination,
      priceKeys: recipient.priceKeys,
      letterPdf: letter?.pdf ?? null,
      letterSha256: letter?.sha256 ?? null,
      madeAvailableAt: now,
      mailed: people.length,
    })
    .returning({ id: changeNotices.id });
  for (const person of people) {
    const language = person.locale;
    const summary = writingFor(language, context.contract, (locale) =>
      [
        moves.length > 0
          ? t(locale, "notice.summary.prices", { prices: movesWords(moves, locale, contract.currency) })
          : "",
        letter ? t(locale, "notice.summary.letter") : "",
        recipient.signature ? t(locale, "notice.summary.signature") : "",
        recipient.harmfulTermination
          ? t(locale, "notice.summary.termination", {
              effectiveFrom: formatCivilDate(change.effectiveFrom, language),
            })
          : "",
      ]
        .filter(Boolean)
        .join("\n"),
    );
    await enqueueMail(tx, {
      ...deploymentMail(context, now),
      organisationId: recipient.organisationId,
      to: person.email,
      locale: language,
      clause: recipient.clause,
      kind: "change_announced",
      params: {
        firstName: person.firstName,
        organisationName: recipient.name,
        title: change.title,
        effectiveFrom: formatCivilDate(change.effectiveFrom, language),
        summary,
        body: change.body,
      },
    });
  }
  await recordAudit(
    tx,
    actor,
    {
      action: "change_notice.sent",
      organisationId: recipient.organisationId,
      targetType: "change_notice",
      targetId: notice?.id,
      data: {
        changeId: change.id,
        direction: recipient.direction,
        clause: recipient.clause,
        channels: recipient.channels,
        letterSha256: letter?.sha256 ?? null,
        mailed: people.length,
      },
    },
    now,
  );
  return people.length;
}
