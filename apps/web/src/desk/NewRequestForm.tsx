import { NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DeskForm, NewTicket } from "../api/desk-types";
import { api, keys } from "../api/endpoints";
import type { Priority } from "../api/types";
import { FormFooter } from "../components/FormFooter";
import { FileField } from "../files/FileField";
import { field } from "../form-data";
import { PriorityChoice } from "./PriorityMatrix";
import { useDeskWords } from "./vocabulary";

/**
 * A new request as the customer's plan allows it: categories in scope (MCR-SUP-08), the service
 * (required where only subscribed e-services may be reported about, DSN-SUP-01), the priority
 * matrix (MCR-SUP-05, MCR-SUP-06), files on its first message. A refusal is the server's own message, citing its clause.
 */
export function NewRequestForm({ form }: { form: DeskForm }) {
  const { t } = useTranslation();
  const words = useDeskWords();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [category, setCategory] = useState(form.categories[0]?.key ?? "");
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const open = useMutation({
    mutationFn: (input: NewTicket) => {
      if (files.length === 0) return api.openTicket(input);
      setProgress(0);
      return api.openTicketWithFiles(input, files, setProgress);
    },
    onSettled: () => setProgress(null),
    onSuccess: async (ticket) => {
      queryClient.setQueryData(keys.ticket(ticket.id), ticket);
      void queryClient.invalidateQueries({ queryKey: keys.tickets() });
      await navigate({
        to: "/demandes/$ticketId",
        params: { ticketId: ticket.id },
        search: { opened: true },
      });
    },
  });
  const withoutSla = form.categories.find((c) => c.key === category)?.slaApplies === false;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input: NewTicket = {
      category,
      catalogueItemId: field(data, "service") || null,
      priority: (field(data, "priority") || null) as Priority | null,
      title: field(data, "title"),
      description: field(data, "description"),
      customerReference: field(data, "customerReference") || null,
      ...(form.contactEmailClause ? { contactEmail: field(data, "contactEmail") || null } : {}),
    };
    open.mutate(input);
  };

  return (
    <form onSubmit={submit}>
      <Stack maw={820}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            name="category"
            label={t(`deskWords.${words}.categoryLabel`)}
            description={withoutSla ? `${t("desk.form.categoryNoSla")} (${form.scopeClause})` : undefined}
            value={category}
            onChange={(event) => setCategory(event.currentTarget.value)}
            data={form.categories.map((c) => ({ value: c.key, label: c.label }))}
            required
          />
          <NativeSelect
            name="service"
            label={t("desk.form.service")}
            description={
              form.serviceRequired ? `${t("desk.form.serviceRequiredHint")} (${form.scopeClause})` : undefined
            }
            required={form.serviceRequired}
            defaultValue=""
            data={[
              {
                value: "",
                label: form.serviceRequired ? t("desk.form.noServiceChosen") : t("desk.form.noService"),
              },
              ...form.services.map((service) => ({ value: service.id, label: service.name })),
            ]}
          />
        </SimpleGrid>
        <PriorityChoice form={form} name="priority" />
        <TextInput
          name="title"
          label={t("desk.form.title")}
          description={t("desk.form.titleHint")}
          required
          maxLength={200}
        />
        <Textarea
          name="description"
          label={t("desk.form.description")}
          description={t("desk.form.descriptionHint")}
          required
          autosize
          minRows={5}
          maxLength={20_000}
        />
        <TextInput
          name="customerReference"
          label={t("desk.form.customerReference")}
          description={t("desk.form.customerReferenceHint")}
          maxLength={100}
        />
        {form.contactEmailClause && (
          <TextInput
            name="contactEmail"
            type="email"
            autoComplete="email"
            label={t("desk.form.contactEmail")}
            description={t("desk.form.contactEmailHint", { clause: form.contactEmailClause })}
            maxLength={254}
          />
        )}
        <FileField files={files} onChange={setFiles} progress={progress} />
        <FormFooter label={t(`deskWords.${words}.submit`)} pending={open.isPending} error={open.error} />
      </Stack>
    </form>
  );
}
