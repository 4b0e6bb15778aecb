import { NativeSelect, Radio, Stack, Textarea } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { TicketView } from "../../api/desk-types";
import { api } from "../../api/endpoints";
import type { Priority } from "../../api/types";
import { FormFooter } from "../../components/FormFooter";
import { field } from "../../form-data";
import { useContract } from "../../session";
import { useTicketChange } from "../use-ticket";
import { useDeskLabels } from "../vocabulary";

type PriorityInput = Parameters<typeof api.changePriority>[1];

/**
 * Support sets a priority that does not match the matrix, or proposes it and waits On hold while
 * the customer justifies its own; support decides last (MCR-SUP-12). The reason is required.
 */
export function PriorityForm({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  const labels = useDeskLabels();
  const contract = useContract().data;
  const dispute = contract?.ticketWorkflow.priorityDispute;
  const change = useTicketChange(ticket.id, (input: PriorityInput) => api.changePriority(ticket.id, input));
  // The contract's own levels, in its order (MCR-SUP-05): three, five, or what it lists.
  const others = (contract?.priorities ?? []).map((level) => level.id).filter((id) => id !== ticket.priority);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    change.mutate(
      {
        priority: field(data, "priority") as Priority,
        reason: field(data, "reason"),
        mode: field(data, "mode") === "propose" ? "propose" : "set",
      },
      { onSuccess: () => form.reset() },
    );
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <NativeSelect
          name="priority"
          label={t("desk.work.newPriority")}
          data={others.map((priority) => ({ value: priority, label: labels.priority(priority) }))}
        />
        {dispute && (
          <Radio.Group name="mode" label={`${t("desk.work.mode")} (${dispute.clause})`} defaultValue="set">
            <Stack gap="xs" mt="xs">
              <Radio value="set" label={t("desk.work.set")} />
              <Radio value="propose" label={t("desk.work.propose")} />
            </Stack>
          </Radio.Group>
        )}
        <Textarea
          name="reason"
          label={t("desk.work.reason")}
          required
          autosize
          minRows={2}
          maxLength={2_000}
        />
        <FormFooter
          label={t("desk.work.applyPriority")}
          variant="default"
          pending={change.isPending}
          error={change.error}
          done={change.isSuccess ? t("desk.work.priorityDone") : undefined}
        />
      </Stack>
    </form>
  );
}
