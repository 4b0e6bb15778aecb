import { Stack, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TicketQuery } from "../api/desk-types";
import { api, keys } from "../api/endpoints";
import { ErrorAlert } from "../components/ErrorAlert";
import { Pages } from "./Pages";
import { TicketTable } from "./TicketTable";
import { useNow } from "./use-now";
import { useDeskWords } from "./vocabulary";

/**
 * One page of tickets for a query: how many, the table with its SLA countdowns (moving every
 * 30 seconds), and the page links. The previous page stays on screen while the next one loads.
 */
export function TicketList({
  query,
  side,
  onPage,
}: {
  query: TicketQuery;
  side: "customer" | "provider";
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const words = useDeskWords();
  const now = useNow();
  const tickets = useQuery({
    queryKey: keys.tickets(query),
    queryFn: () => api.tickets(query),
    placeholderData: keepPreviousData,
  });
  if (!tickets.data) return <ErrorAlert error={tickets.error} />;
  const { total, items } = tickets.data;
  return (
    <Stack gap="sm">
      <ErrorAlert error={tickets.error} />
      <Text fw={700} aria-live="polite">
        {t(`deskWords.${words}.count`, { count: total })}
      </Text>
      {items.length === 0 ? (
        <Text>{t(`deskWords.${words}.empty`)}</Text>
      ) : (
        <>
          <Text size="sm">{t("desk.clock.live")}</Text>
          <TicketTable items={items} side={side} now={now} />
        </>
      )}
      <Pages total={total} pageSize={query.limit} page={query.offset / query.limit + 1} onPage={onPage} />
    </Stack>
  );
}
