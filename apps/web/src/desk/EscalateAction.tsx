import { Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SlaClock } from "../api/desk-types";
import { api } from "../api/endpoints";
import { ClauseTag } from "../components/ClauseTag";
import { ErrorAlert } from "../components/ErrorAlert";
import { useTicketChange } from "./use-ticket";

type Channel = "portal" | "phone" | "email";

/**
 * "Escalation required" (issue 23): a target that runs only once the customer escalates. The
 * customer escalates here when the contract says by the portal; support records an escalation the
 * customer made by phone or e-mail. Shown only while such a target waits.
 */
export function EscalateAction({
  ticketId,
  clocks,
  side,
}: {
  ticketId: string;
  clocks: SlaClock[];
  side: "customer" | "provider";
}) {
  const { t } = useTranslation();
  const change = useTicketChange(ticketId, (channel: Channel) => api.escalate(ticketId, channel));
  const waiting = clocks.find(
    (clock) =>
      clock.state === "conditional" &&
      clock.escalation &&
      (side === "customer") === (clock.escalation.channel === "portal"),
  )?.escalation;
  if (!waiting) return null;
  const channel = t(`desk.escalate.channels.${waiting.channel}`);
  return (
    <Group gap="sm" mt="sm" align="center">
      <ErrorAlert error={change.error} />
      <Button variant="default" loading={change.isPending} onClick={() => change.mutate(waiting.channel)}>
        {side === "customer" ? t("desk.escalate.button") : t("desk.escalate.record", { channel })}
      </Button>
      <Text size="sm">
        <ClauseTag clause={waiting.clause} />
      </Text>
    </Group>
  );
}
