import { Button, Group, NativeSelect, Stack, Textarea } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TicketView } from "../../api/desk-types";
import { api } from "../../api/endpoints";
import { Dialog } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormFooter } from "../../components/FormFooter";
import { field } from "../../form-data";
import { useLocaleFormat } from "../../i18n/format";
import { useContract } from "../../session";
import { useTicketChange } from "../use-ticket";

const PROVIDER_ACTIONS = ["take", "hold", "resume", "resolve", "close", "reopen"] as const;
type ProviderAction = (typeof PROVIDER_ACTIONS)[number];

/** Actions the server refuses without a message: the information asked for, the resolution, the reason. */
const WITH_MESSAGE = ["hold", "resolve", "close"] as const;
type MessageAction = (typeof WITH_MESSAGE)[number];
const needsMessage = (action: ProviderAction): action is MessageAction =>
  (WITH_MESSAGE as readonly ProviderAction[]).includes(action);

type StatusInput = Parameters<typeof api.changeStatus>[1];

/**
 * Support moves the ticket through its lifecycle with the actions the workflow offers now
 * (MCR-SUP-10, DSN-SUP-03, DSN-SUP-05); closing may give one of the contract's out-of-scope
 * reasons (MCR-SUP-11).
 */
export function StatusActions({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<MessageAction>();
  const change = useTicketChange(ticket.id, (input: StatusInput) => api.changeStatus(ticket.id, input));
  const offered = PROVIDER_ACTIONS.filter((action) => ticket.actions.includes(action));
  const ask = (action: MessageAction) => {
    change.reset();
    setAsking(action);
  };
  return (
    <Stack gap="sm">
      <Group>
        {offered.map((action) =>
          needsMessage(action) ? (
            <Button key={action} variant="default" onClick={() => ask(action)}>
              {t(`desk.work.actions.${action}`)}
            </Button>
          ) : (
            <Button
              key={action}
              variant="default"
              loading={change.isPending && change.variables.action === action}
              onClick={() => change.mutate({ action })}
            >
              {t(`desk.work.actions.${action}`)}
            </Button>
          ),
        )}
      </Group>
      {!asking && <ErrorAlert error={change.error} />}
      <Dialog
        opened={asking !== undefined}
        onClose={() => setAsking(undefined)}
        title={asking ? t(`desk.work.dialogs.${asking}`) : ""}
      >
        {asking && (
          <MessageForm
            action={asking}
            pending={change.isPending}
            error={change.error}
            onSubmit={(input) => change.mutate(input, { onSuccess: () => setAsking(undefined) })}
          />
        )}
      </Dialog>
    </Stack>
  );
}

function MessageForm({
  action,
  pending,
  error,
  onSubmit,
}: {
  action: MessageAction;
  pending: boolean;
  error: Error | null;
  onSubmit: (input: StatusInput) => void;
}) {
  const { t } = useTranslation();
  const { label } = useLocaleFormat();
  const outOfScope = useContract().data?.ticketWorkflow.outOfScope;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    onSubmit({
      action,
      message: field(data, "message"),
      outOfScopeReason: field(data, "outOfScope") || null,
    });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        {action === "close" && outOfScope && (
          <NativeSelect
            name="outOfScope"
            label={`${t("desk.work.outOfScope")} (${outOfScope.clause})`}
            data={[
              { value: "", label: t("desk.work.notOutOfScope") },
              ...outOfScope.reasons.map((reason) => ({ value: reason.id, label: label(reason.label) })),
            ]}
          />
        )}
        <Textarea
          name="message"
          label={t(`desk.work.messages.${action}`)}
          description={t(`desk.work.messageHints.${action}`)}
          required
          autosize
          minRows={3}
          maxLength={20_000}
          data-autofocus
        />
        <FormFooter label={t("desk.work.confirm")} pending={pending} error={error} />
      </Stack>
    </form>
  );
}
