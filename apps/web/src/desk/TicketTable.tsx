import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TicketSummary } from "../api/desk-types";
import { AnchorLink } from "../components/AnchorLink";
import { StatusBadge } from "../components/StatusBadge";
import { useLocaleFormat } from "../i18n/format";
import { leadingClock } from "./countdown";
import { SlaBadge } from "./SlaBadge";
import { useDeskLabels } from "./vocabulary";

/** The reference, linking to the customer's page or to support's workspace. */
function TicketLink({ ticket, provider }: { ticket: TicketSummary; provider: boolean }) {
  const params = { ticketId: ticket.id };
  return provider ? (
    <AnchorLink to="/file/$ticketId" params={params} fw={600}>
      {ticket.reference}
    </AnchorLink>
  ) : (
    <AnchorLink to="/demandes/$ticketId" params={params} fw={600}>
      {ticket.reference}
    </AnchorLink>
  );
}

/**
 * Tickets as rows: the customer's Requests, or the provider's queue (with the organisation and
 * the assignee). The SLA column counts down from each clock's due instant at `now`.
 */
export function TicketTable({
  items,
  side,
  now,
}: {
  items: TicketSummary[];
  side: "customer" | "provider";
  now: number;
}) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const labels = useDeskLabels();
  const provider = side === "provider";
  return (
    <Table.ScrollContainer minWidth={provider ? 1000 : 820}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("desk.reference")}</Table.Th>
            <Table.Th scope="col">{t("desk.ticketTitle")}</Table.Th>
            {provider && <Table.Th scope="col">{t("desk.organisation")}</Table.Th>}
            <Table.Th scope="col">{t("desk.status")}</Table.Th>
            <Table.Th scope="col">{t("desk.priority")}</Table.Th>
            {provider && <Table.Th scope="col">{t("desk.assignee")}</Table.Th>}
            <Table.Th scope="col">{t("desk.updatedAt")}</Table.Th>
            <Table.Th scope="col">{t("desk.sla")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((ticket) => (
            <Table.Tr key={ticket.id}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <TicketLink ticket={ticket} provider={provider} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{ticket.title}</Text>
                {ticket.customerReference && (
                  <Text size="xs" c="dimmed">
                    {t("desk.customerReferenceShort", { reference: ticket.customerReference })}
                  </Text>
                )}
              </Table.Td>
              {provider && <Table.Td>{ticket.organisationName}</Table.Td>}
              <Table.Td>
                <StatusBadge status={ticket.status} label={labels.status(ticket.status)} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{labels.priority(ticket.priority)}</Table.Td>
              {provider && <Table.Td>{ticket.assigneeName ?? t("desk.nobody")}</Table.Td>}
              <Table.Td style={{ whiteSpace: "nowrap" }}>{dateTime(ticket.updatedAt)}</Table.Td>
              <Table.Td>
                <SlaBadge clock={leadingClock(ticket.sla)} now={now} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
