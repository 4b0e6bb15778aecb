import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TicketAction, TicketView } from "../api/desk-types";
import { api } from "../api/endpoints";
import { ClauseTag } from "../components/ClauseTag";
import { ErrorAlert } from "../components/ErrorAlert";
import { useContract } from "../session";
import { useTicketChange } from "./use-ticket";
import { useDeskWords } from "./vocabulary";

const CUSTOMER_ACTIONS = ["confirm", "reopen"] as const satisfies readonly TicketAction[];

/**
 * A resolved request: the customer confirms the resolution, which closes it, or reopens it
 * (MCR-SUP-10). Only the actions the server offers now are shown.
 */
export function CustomerActions({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  const words = useDeskWords();
  const closing = useContract().data?.ticketWorkflow.closing;
  const change = useTicketChange(ticket.id, (action: TicketAction) =>
    api.changeStatus(ticket.id, { action }),
  );
  const offered = CUSTOMER_ACTIONS.filter((action) => ticket.actions.includes(action));
  if (offered.length === 0) return null;
  return (
    <Alert color="green" variant="light" role="status">
      <Stack gap="sm">
        <Group gap="xs" align="baseline">
          <Text>{t(`deskWords.${words}.resolved`)}</Text>
          {closing && <ClauseTag clause={closing.clause} />}
        </Group>
        <ErrorAlert error={change.error} />
        <Group>
          {offered.map((action) => (
            <Button
              key={action}
              variant={action === "confirm" ? "filled" : "default"}
              loading={change.isPending && change.variables === action}
              onClick={() => change.mutate(action)}
            >
              {t(`desk.ticket.${action}`)}
            </Button>
          ))}
        </Group>
      </Stack>
    </Alert>
  );
}
