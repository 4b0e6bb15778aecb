import { Anchor, Group, Stack } from "@mantine/core";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { TicketQuery } from "../api/desk-types";
import { Allowed } from "../components/Allowed";
import { PageHeader } from "../components/PageHeader";
import { RequestFilters, type RequestsSearch, statusesOf } from "../desk/RequestFilters";
import { TicketList } from "../desk/TicketList";
import { useDeskWords } from "../desk/vocabulary";
import { MaintenanceNotice } from "../maintenance/MaintenanceNotice";
import { can } from "../permissions";

const PAGE = 20;

function toQuery(search: RequestsSearch): TicketQuery {
  const statuses = search.status ? [search.status] : search.state === "closed" ? statusesOf("closed") : [];
  return {
    status: statuses.length ? statuses.join(",") : undefined,
    open: search.state === "open" ? "true" : undefined,
    q: search.q,
    order: "recent",
    limit: PAGE,
    offset: ((search.page ?? 1) - 1) * PAGE,
  };
}

/**
 * "Demandes" / "Signalisations": the organisation's tickets, newest first (MCR-POR-01, DSN-SUP-04),
 * under the maintenance announced on its services (DSN-SUP-07), which is not an incident to report.
 */
export function RequestsPage() {
  return <Allowed when={can.followRequests}>{() => <Requests />}</Allowed>;
}

function Requests() {
  const { t } = useTranslation();
  const words = useDeskWords();
  const search = useSearch({ from: "/session/demandes" });
  const navigate = useNavigate();
  const go = (next: RequestsSearch) => void navigate({ to: "/demandes", search: next });
  return (
    <Stack gap="md">
      <PageHeader title={t(`deskWords.${words}.title`)} intro={t(`deskWords.${words}.intro`)} />
      <MaintenanceNotice />
      <Group>
        <Anchor component={Link} to="/demandes/nouvelle" fw={700}>
          {t(`deskWords.${words}.newLink`)}
        </Anchor>
      </Group>
      <RequestFilters key={JSON.stringify(search)} search={search} onSearch={go} />
      <TicketList query={toQuery(search)} side="customer" onPage={(page) => go({ ...search, page })} />
    </Stack>
  );
}
