import { Alert, Anchor, Stack, Text } from "@mantine/core";
import { Link, useParams, useSearch } from "@tanstack/react-router";
import { useDeferredValue } from "react";
import { useTranslation } from "react-i18next";
import type { TicketView } from "../api/desk-types";
import { Allowed } from "../components/Allowed";
import { ErrorAlert } from "../components/ErrorAlert";
import { PageHeader } from "../components/PageHeader";
import { Section } from "../components/Section";
import { CustomerActions } from "../desk/CustomerActions";
import { HoldNotice } from "../desk/HoldNotice";
import { ReplyForm } from "../desk/ReplyForm";
import { SlaClocks } from "../desk/SlaClocks";
import { TicketFacts } from "../desk/TicketFacts";
import { Timeline } from "../desk/Timeline";
import { useTicket } from "../desk/use-ticket";
import { useDeskWords } from "../desk/vocabulary";
import { can } from "../permissions";

export interface RequestSearch {
  /** Just opened: say its reference. */
  opened?: boolean;
}

/** One request as its customer follows it: status, deadlines, public history, reply, confirm or reopen. */
export function RequestPage() {
  return <Allowed when={can.followRequests}>{() => <Request />}</Allowed>;
}

function Request() {
  const { t } = useTranslation();
  const words = useDeskWords();
  const { ticketId } = useParams({ from: "/session/demandes/$ticketId" });
  const { opened } = useSearch({ from: "/session/demandes/$ticketId" });
  const ticket = useTicket(ticketId);
  // The heading is shown with the ticket; its facts, clocks, history and reply form follow in a
  // render that yields between components, rather than in one long task before anything shows
  // (issue 13, first load: the ticket page's largest paint and blocking time).
  const body = useDeferredValue(ticket.data, null);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/demandes" size="sm">
        {t(`deskWords.${words}.back`)}
      </Anchor>
      <ErrorAlert error={ticket.error} />
      {ticket.data && (
        <>
          <PageHeader title={`${ticket.data.reference} — ${ticket.data.title}`} />
          {opened && (
            <Alert color="green" variant="light" role="status">
              {t(`deskWords.${words}.opened`, { reference: ticket.data.reference })}
            </Alert>
          )}
          {body && <RequestBody ticket={body} />}
        </>
      )}
    </Stack>
  );
}

function RequestBody({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  const words = useDeskWords();
  const closed = ticket.status === "closed";
  return (
    <>
      <TicketFacts ticket={ticket} side="customer" />
      <HoldNotice ticket={ticket} />
      <CustomerActions ticket={ticket} />
      <SlaClocks clocks={ticket.sla} ticketId={ticket.id} side="customer" />
      <Section title={t("desk.ticket.timeline")}>
        <Timeline entries={ticket.timeline} ticketId={ticket.id} />
      </Section>
      <Section title={t("desk.ticket.reply")}>
        {closed ? (
          <Text>{t(`deskWords.${words}.closedNote`)}</Text>
        ) : (
          <ReplyForm
            ticketId={ticket.id}
            withNotes={false}
            hint={ticket.status === "resolved" ? t(`deskWords.${words}.replyResolvedHint`) : undefined}
          />
        )}
      </Section>
    </>
  );
}
