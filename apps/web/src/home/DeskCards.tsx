import { Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { SlaClockState, TicketSummary } from "../api/desk-types";
import { api, keys } from "../api/endpoints";
import { leadingClock, stateAt } from "../desk/countdown";
import { SlaBadge } from "../desk/SlaBadge";
import { useNow } from "../desk/use-now";
import { useDeskWords } from "../desk/vocabulary";
import { CardLine, DashboardCard, useSeen } from "./DashboardCard";

/** The queue's first tickets are the most urgent: breaches come first (ticket-sla.ts, urgencyOf). */
const QUEUE_HEAD = { open: "true", order: "urgency", limit: 50, offset: 0 } as const;
const SHOWN = 3;

/** A target clock past its due instant (MCR-SUP-06, DSN-SUP-06); the auto-close deadline is not a target. */
const breached = (clocks: readonly SlaClockState[], now: number) =>
  clocks.some((clock) => clock.metric !== "autoClose" && stateAt(clock, now) === "breached");

function TicketLines({ tickets, now }: { tickets: TicketSummary[]; now: number }) {
  return (
    <Stack gap={6}>
      {tickets.map((ticket) => (
        <Stack key={ticket.id} gap={2}>
          <CardLine strong>{`${ticket.reference} — ${ticket.title}`}</CardLine>
          <Group gap="xs" wrap="nowrap" style={{ overflow: "hidden" }}>
            <SlaBadge clock={leadingClock(ticket.sla)} now={now} />
          </Group>
        </Stack>
      ))}
    </Stack>
  );
}

/** A customer's open requests, the most urgent first, each with its SLA state now (MCR-SUP-06, DSN-SUP-06). */
export function OpenRequestsCard() {
  const { t } = useTranslation();
  const words = useDeskWords();
  const now = useNow();
  const { ref, seen } = useSeen<HTMLElement>();
  const query = { ...QUEUE_HEAD, limit: SHOWN };
  const tickets = useQuery({
    queryKey: keys.tickets(query),
    queryFn: () => api.tickets(query),
    enabled: seen,
  });
  const page = tickets.data;
  return (
    <DashboardCard
      title={t("home.cards.openRequests", { what: t(`deskWords.${words}.title`) })}
      to="/demandes"
      state={{ pending: tickets.isPending, error: tickets.error }}
      cardRef={ref}
    >
      {page && (
        <Stack gap="xs">
          <Text size="sm">
            {page.total === 0
              ? t("home.cards.noOpenRequest")
              : t("home.cards.inProgress", { what: t(`deskWords.${words}.count`, { count: page.total }) })}
          </Text>
          <TicketLines tickets={page.items} now={now} />
        </Stack>
      )}
    </DashboardCard>
  );
}

/** What waits for the desk: open tickets past an SLA target, the most urgent first (MCR-SUP-06, DSN-SUP-06). */
export function BreachingRequestsCard() {
  const { t } = useTranslation();
  const words = useDeskWords();
  const now = useNow();
  const { ref, seen } = useSeen<HTMLElement>();
  const tickets = useQuery({
    queryKey: keys.tickets(QUEUE_HEAD),
    queryFn: () => api.tickets(QUEUE_HEAD),
    enabled: seen,
  });
  const late = (tickets.data?.items ?? []).filter((ticket) => breached(ticket.sla, now));
  const more = late.length === QUEUE_HEAD.limit;
  return (
    <DashboardCard
      title={t("home.cards.breaching")}
      to="/file"
      state={{ pending: tickets.isPending, error: tickets.error }}
      cardRef={ref}
    >
      <Stack gap="xs">
        <Text size="sm">
          {late.length === 0
            ? t("home.cards.noBreach", {
                what: t(`deskWords.${words}.count`, { count: tickets.data?.total ?? 0 }),
              })
            : t(more ? "home.cards.breachesMore" : "home.cards.breaches", {
                what: t(`deskWords.${words}.count`, { count: late.length }),
              })}
        </Text>
        <TicketLines tickets={late.slice(0, SHOWN)} now={now} />
      </Stack>
    </DashboardCard>
  );
}
