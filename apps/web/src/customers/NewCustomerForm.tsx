import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { commercialApi, commercialKeys } from "../api/commercial-endpoints";
import type { FieldProblem } from "../api/commercial-types";
import { keys } from "../api/endpoints";
import { ErrorAlert } from "../components/ErrorAlert";
import { field } from "../form-data";

/**
 * Creates a customer (issue 16): legal name, SIREN, SIRET and VAT number (checked by the server
 * with their keys; a refusal is shown on the field it names), billing address and e-mail, and the
 * administrator who receives the invitation.
 */
export function NewCustomerForm({ onCreated }: { onCreated: (name: string, email: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: commercialApi.createCustomer,
    onSuccess: (created, input) => {
      void queryClient.invalidateQueries({ queryKey: commercialKeys.customers });
      void queryClient.invalidateQueries({ queryKey: keys.organisations });
      onCreated(created.customer.name, input.administrator.email);
    },
  });
  const problems =
    create.error instanceof ApiError && Array.isArray(create.error.details.problems)
      ? (create.error.details.problems as FieldProblem[])
      : [];
  const errorOf = (name: string) => problems.find((p) => p.field === name)?.message;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const optional = (name: string) => field(data, name) || undefined;
    create.mutate(
      {
        legalName: field(data, "legalName"),
        siren: field(data, "siren"),
        siret: optional("siret"),
        vatNumber: optional("vatNumber"),
        billingAddress: field(data, "billingAddress"),
        billingPostalCode: field(data, "billingPostalCode"),
        billingCity: field(data, "billingCity"),
        billingCountry: field(data, "billingCountry") || "FR",
        billingEmail: field(data, "billingEmail"),
        administrator: {
          email: field(data, "adminEmail"),
          firstName: field(data, "adminFirstName"),
          lastName: field(data, "adminLastName"),
          locale: field(data, "adminLocale") === "en" ? "en" : "fr",
        },
      },
      { onSuccess: () => form.reset() },
    );
  };

  const input = (name: string, label: string, problemField = name, extra: object = {}) => (
    <TextInput name={name} label={label} error={errorOf(problemField)} autoComplete="off" {...extra} />
  );
  return (
    <form onSubmit={submit} aria-label={t("customers.create.heading")}>
      <Stack>
        <ErrorAlert error={create.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {input("legalName", t("customers.fields.legalName"), "legalName", { required: true })}
          {input("siren", t("customers.fields.siren"), "siren", {
            required: true,
            description: t("customers.fields.sirenHelp"),
          })}
          {input("siret", t("customers.fields.siret"))}
          {input("vatNumber", t("customers.fields.vatNumber"), "vatNumber", {
            description: t("customers.fields.vatHelp"),
          })}
        </SimpleGrid>
        <Title order={3} size="h5">
          {t("customers.create.billing")}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {input("billingAddress", t("customers.fields.billingAddress"), "billingAddress", {
            required: true,
          })}
          {input("billingPostalCode", t("customers.fields.billingPostalCode"), "billingPostalCode", {
            required: true,
          })}
          {input("billingCity", t("customers.fields.billingCity"), "billingCity", { required: true })}
          {input("billingCountry", t("customers.fields.billingCountry"), "billingCountry", {
            defaultValue: "FR",
            maxLength: 2,
          })}
          {input("billingEmail", t("customers.fields.billingEmail"), "billingEmail", {
            required: true,
            type: "email",
          })}
        </SimpleGrid>
        <Title order={3} size="h5">
          {t("customers.create.administrator")}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {input("adminEmail", t("common.email"), "administrator.email", { required: true, type: "email" })}
          {input("adminFirstName", t("common.firstName"), "administrator.firstName", { required: true })}
          {input("adminLastName", t("common.lastName"), "administrator.lastName", { required: true })}
          <NativeSelect
            name="adminLocale"
            label={t("customers.fields.locale")}
            data={[
              { value: "fr", label: "Français" },
              { value: "en", label: "English" },
            ]}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t("customers.create.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
