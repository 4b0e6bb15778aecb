import { Alert, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TicketView } from "../api/desk-types";
import type { Priority } from "../api/types";
import { ClauseTag } from "../components/ClauseTag";
import { useDeskLabels } from "./vocabulary";

/**
 * Why the request waits on the customer: information asked for (DSN-SUP-03), or support's priority
 * proposal, which the customer may dispute by justifying its own priority in a reply (MCR-SUP-12).
 */
export function HoldNotice({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  const labels = useDeskLabels();
  if (ticket.status !== "on_hold") return null;
  if (ticket.holdReason === "priority_dispute") {
    const proposal = ticket.timeline.findLast((entry) => entry.type === "priority_proposed");
    const data = (proposal?.data ?? {}) as { from?: Priority; to?: Priority; clause?: string | null };
    return (
      <Alert color="yellow" variant="light" role="status" data-testid="priority-proposal">
        <Stack gap={6}>
          <Group gap="xs" align="baseline">
            <Text fw={700}>
              {t("desk.ticket.proposal", {
                from: data.from ? labels.priority(data.from) : "",
                to: data.to ? labels.priority(data.to) : "",
              })}
            </Text>
            {data.clause && <ClauseTag clause={data.clause} />}
          </Group>
          {proposal?.body && <Text>{t("desk.ticket.proposalReason", { reason: proposal.body })}</Text>}
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert color="yellow" variant="light" role="status">
      {t("desk.ticket.infoRequested")}
    </Alert>
  );
}
