import { Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SlaClock } from "../api/desk-types";
import { Section } from "../components/Section";
import { EscalateAction } from "./EscalateAction";
import { SlaBadge } from "./SlaBadge";
import { useNow } from "./use-now";

/**
 * Each SLA clock of a ticket: its state counted down on screen, and the server's explanation in
 * words, which cites the clause (MCR-SUP-06, MCR-SUP-10, DSN-SUP-06).
 */
export function SlaClocks({
  clocks,
  ticketId,
  side,
}: {
  clocks: SlaClock[];
  ticketId: string;
  side: "customer" | "provider";
}) {
  const { t } = useTranslation();
  const now = useNow();
  return (
    <Section
      title={t("desk.sla")}
      intro={clocks.some((clock) => clock.state === "running") ? t("desk.clock.live") : undefined}
    >
      {clocks.length === 0 ? (
        <Text>{t("desk.clock.noClock")}</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {clocks.map((clock) => (
            <Paper component="li" key={clock.metric} withBorder p="sm">
              <SlaBadge clock={clock} now={now} />
              <Text size="sm" mt={6} data-testid="sla-explanation">
                {clock.explanation}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      <EscalateAction ticketId={ticketId} clocks={clocks} side={side} />
    </Section>
  );
}
