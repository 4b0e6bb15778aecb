import { Anchor, Grid, Stack, Text } from "@mantine/core";
import { Link, useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { TicketView } from "../api/desk-types";
import type { Me } from "../api/types";
import { Allowed } from "../components/Allowed";
import { ErrorAlert } from "../components/ErrorAlert";
import { PageHeader } from "../components/PageHeader";
import { Section } from "../components/Section";
import { ReplyForm } from "../desk/ReplyForm";
import { SlaClocks } from "../desk/SlaClocks";
import { TicketFacts } from "../desk/TicketFacts";
import { Timeline } from "../desk/Timeline";
import { useTicket } from "../desk/use-ticket";
import { useDeskWords } from "../desk/vocabulary";
import { Assignment } from "../desk/work/Assignment";
import { CallForm } from "../desk/work/CallForm";
import { PriorityForm } from "../desk/work/PriorityForm";
import { StatusActions } from "../desk/work/StatusActions";
import { can } from "../permissions";

/**
 * Support's workspace on one ticket: the whole timeline with internal notes, replies and notes,
 * status actions with their required messages, priority, assignment, calls.
 */
export function WorkspacePage() {
  return <Allowed when={can.workQueue}>{(me) => <Workspace me={me} />}</Allowed>;
}

function Workspace({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { ticketId } = useParams({ from: "/session/file/$ticketId" });
  const ticket = useTicket(ticketId);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/file" size="sm">
        {t("nav.queue")}
      </Anchor>
      <ErrorAlert error={ticket.error} />
      {ticket.data && (
        <>
          <PageHeader title={`${ticket.data.reference} — ${ticket.data.title}`} />
          <TicketFacts ticket={ticket.data} side="provider" />
          <Grid gap="xl">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <SlaClocks clocks={ticket.data.sla} ticketId={ticket.data.id} side="provider" />
              <Section title={t("desk.ticket.timeline")}>
                <Timeline entries={ticket.data.timeline} ticketId={ticket.data.id} />
              </Section>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <WorkPanel ticket={ticket.data} userId={me.userId} />
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}

function WorkPanel({ ticket, userId }: { ticket: TicketView; userId: string }) {
  const { t } = useTranslation();
  const words = useDeskWords();
  if (ticket.status === "closed") {
    return (
      <Section title={t("desk.work.heading")}>
        <Text>{t(`deskWords.${words}.workClosed`)}</Text>
      </Section>
    );
  }
  return (
    <>
      <Section title={t("desk.ticket.reply")}>
        <ReplyForm ticketId={ticket.id} withNotes />
      </Section>
      <Section title={t("desk.work.statusHeading")}>
        <StatusActions ticket={ticket} />
      </Section>
      <Section title={t("desk.work.assignment")}>
        <Assignment ticket={ticket} userId={userId} />
      </Section>
      <Section title={t("desk.work.priorityHeading")}>
        <PriorityForm ticket={ticket} />
      </Section>
      <Section title={t("desk.work.callHeading")}>
        <CallForm ticketId={ticket.id} />
      </Section>
    </>
  );
}
