import { Stack, Textarea } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints";
import { FormFooter } from "../../components/FormFooter";
import { field } from "../../form-data";
import { useTicketChange } from "../use-ticket";

/**
 * A phone exchange joins its ticket (MCR-SUP-03: phone for Business and Premium, P1/P2, after a
 * ticket exists); the server refuses a call the customer's plan does not allow, and says why.
 */
export function CallForm({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const log = useTicketChange(ticketId, (summary: string) => api.logCall(ticketId, summary));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    log.mutate(field(new FormData(form), "summary"), { onSuccess: () => form.reset() });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <Textarea
          name="summary"
          label={t("desk.work.callSummary")}
          required
          autosize
          minRows={2}
          maxLength={20_000}
        />
        <FormFooter
          label={t("desk.work.logCall")}
          variant="default"
          pending={log.isPending}
          error={log.error}
          done={log.isSuccess ? t("desk.work.callLogged") : undefined}
        />
      </Stack>
    </form>
  );
}
