import { Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TicketView } from "../../api/desk-types";
import { api } from "../../api/endpoints";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useTicketChange } from "../use-ticket";

/**
 * Who works the ticket. The API lists no agents, so support takes a ticket for itself or leaves it
 * to nobody; the server checks that the assignee belongs to the provider's staff.
 */
export function Assignment({ ticket, userId }: { ticket: TicketView; userId: string }) {
  const { t } = useTranslation();
  const assign = useTicketChange(ticket.id, (assignee: string | null) => api.assign(ticket.id, assignee));
  return (
    <Stack gap="sm">
      <Text>{t("desk.work.assignedTo", { name: ticket.assigneeName ?? t("desk.nobody") })}</Text>
      <Group>
        {ticket.assigneeUserId !== userId && (
          <Button variant="default" loading={assign.isPending} onClick={() => assign.mutate(userId)}>
            {t("desk.work.assignMe")}
          </Button>
        )}
        {ticket.assigneeUserId && (
          <Button variant="default" loading={assign.isPending} onClick={() => assign.mutate(null)}>
            {t("desk.work.unassign")}
          </Button>
        )}
      </Group>
      <ErrorAlert error={assign.error} />
    </Stack>
  );
}
