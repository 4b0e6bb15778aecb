import { Group, Radio, Stack, Textarea } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/endpoints";
import { FormFooter } from "../components/FormFooter";
import { FileField } from "../files/FileField";
import { field } from "../form-data";
import { useTicketChange } from "./use-ticket";

/**
 * A message on a ticket (DSN-SUP-04: the operator adds information on an open ticket). Support
 * chooses between a reply the customer reads and an internal note the customer never sees.
 * Files go with the message (issue 13), checked against the server's rules before sending.
 */
export function ReplyForm({
  ticketId,
  withNotes,
  hint,
}: {
  ticketId: string;
  /** Support's choice of a public reply or an internal note. */
  withNotes: boolean;
  hint?: string;
}) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const reply = useTicketChange(ticketId, (input: { body: string; visibility: "public" | "internal" }) => {
    if (files.length === 0) return api.reply(ticketId, input.body, input.visibility);
    setProgress(0);
    return api.replyWithFiles(ticketId, input, files, setProgress).finally(() => setProgress(null));
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const visibility = field(data, "visibility") === "internal" ? "internal" : "public";
    reply.mutate(
      { body: field(data, "body"), visibility },
      {
        onSuccess: () => {
          form.reset();
          setFiles([]);
        },
      },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        {withNotes && (
          <Radio.Group name="visibility" label={t("desk.work.visibility")} defaultValue="public">
            <Group mt="xs">
              <Radio value="public" label={t("desk.work.public")} />
              <Radio value="internal" label={t("desk.work.internal")} />
            </Group>
          </Radio.Group>
        )}
        <Textarea
          name="body"
          label={withNotes ? t("desk.work.replyLabel") : t("desk.ticket.replyLabel")}
          description={hint}
          // Files alone make a message: their names stand for its text.
          required={files.length === 0}
          autosize
          minRows={3}
          maxLength={20_000}
        />
        <FileField files={files} onChange={setFiles} progress={progress} />
        <FormFooter
          label={t("desk.ticket.send")}
          pending={reply.isPending}
          error={reply.error}
          done={reply.isSuccess ? t("desk.ticket.sent") : undefined}
        />
      </Stack>
    </form>
  );
}
