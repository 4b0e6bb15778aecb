import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { TicketView } from "../api/desk-types";
import { FactList } from "../components/FactList";
import { StatusBadge } from "../components/StatusBadge";
import { useLocaleFormat } from "../i18n/format";
import { useDeskLabels } from "./vocabulary";

/** What a ticket is about, as a list of terms: status, priority, type, service, references, people. */
export function TicketFacts({ ticket, side }: { ticket: TicketView; side: "customer" | "provider" }) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const labels = useDeskLabels();
  const facts: [string, ReactNode][] = [
    [
      t("desk.status"),
      <StatusBadge key="status" status={ticket.status} label={labels.status(ticket.status)} />,
    ],
    [t("desk.priority"), labels.priority(ticket.priority)],
    [t("desk.category"), labels.category(ticket.category)],
    [t("desk.service"), ticket.catalogueItemId ? labels.service(ticket.catalogueItemId) : t("common.none")],
    [
      side === "provider" ? t("desk.customerReferenceOfCustomer") : t("desk.customerReference"),
      ticket.customerReference ?? t("common.none"),
    ],
    [t("desk.createdAt"), dateTime(ticket.createdAt)],
    [t("desk.requester"), ticket.requesterName],
  ];
  // DSN-SUP-03: where requests for information go, when the operator gave an address on deposit.
  if (ticket.contactEmail) facts.push([t("desk.contactEmail"), ticket.contactEmail]);
  if (side === "provider") {
    facts.push(
      [t("desk.organisation"), ticket.organisationName],
      [t("desk.assignee"), ticket.assigneeName ?? t("desk.nobody")],
    );
  }
  return <FactList facts={facts} />;
}
