import { Stack } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { TicketQuery } from "../api/desk-types";
import { Allowed } from "../components/Allowed";
import { PageHeader } from "../components/PageHeader";
import { QueueFilters, type QueueSearch } from "../desk/QueueFilters";
import { TicketList } from "../desk/TicketList";
import { useDeskWords } from "../desk/vocabulary";
import { can } from "../permissions";

const PAGE = 50;

function toQuery(search: QueueSearch): TicketQuery {
  return {
    open: "true",
    assignee: search.assignee,
    organisationId: search.organisationId,
    q: search.q,
    order: "urgency",
    limit: PAGE,
    offset: ((search.page ?? 1) - 1) * PAGE,
  };
}

/**
 * Support's queue: open tickets, the most urgent SLA first, each deadline counted down on screen
 * from its due instant (MCR-SUP-06, DSN-SUP-06).
 */
export function QueuePage() {
  return <Allowed when={can.workQueue}>{() => <Queue />}</Allowed>;
}

function Queue() {
  const { t } = useTranslation();
  const words = useDeskWords();
  const search = useSearch({ from: "/session/file" });
  const navigate = useNavigate();
  const go = (next: QueueSearch) => void navigate({ to: "/file", search: next });
  return (
    <Stack gap="md">
      <PageHeader title={t(`deskWords.${words}.queueTitle`)} intro={t(`deskWords.${words}.queueIntro`)} />
      <QueueFilters key={JSON.stringify(search)} search={search} onSearch={go} />
      <TicketList query={toQuery(search)} side="provider" onPage={(page) => go({ ...search, page })} />
    </Stack>
  );
}
