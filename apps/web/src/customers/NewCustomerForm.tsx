import { usesSiren } from "@guichet/domain/countries";
import { EU_VAT_FORMATS } from "@guichet/domain/eu-vat-numbers";
import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { commercialApi, commercialKeys } from "../api/commercial-endpoints";
import type { FieldProblem } from "../api/commercial-types";
import { keys } from "../api/endpoints";
import { ErrorAlert } from "../components/ErrorAlert";
import { field } from "../form-data";
import { CountrySelect } from "./CountrySelect";

/**
 * Creates a customer (issue 16): legal name, the country it is established in and the identifiers
 * that country asks for (issue 17: SIREN and SIRET in France, its own registration number
 * elsewhere; a VAT number of its member state's shape, none required outside the EU), checked by
 * the server (a refusal is shown on the field it names), billing address and e-mail, and the
 * administrator who receives the invitation.
 */
export function NewCustomerForm({ onCreated }: { onCreated: (name: string, email: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [country, setCountry] = useState("FR");
  const french = usesSiren(country);
  const vatFormat = EU_VAT_FORMATS[country];
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
        billingCountry: country,
        // Only the identifiers shown for that country are sent.
        siren: french ? field(data, "siren") : undefined,
        siret: french ? optional("siret") : undefined,
        registrationNumber: french ? undefined : optional("registrationNumber"),
        vatNumber: optional("vatNumber"),
        billingAddress: field(data, "billingAddress"),
        billingPostalCode: field(data, "billingPostalCode"),
        billingCity: field(data, "billingCity"),
        billingEmail: field(data, "billingEmail"),
        administrator: {
          email: field(data, "adminEmail"),
          firstName: field(data, "adminFirstName"),
          lastName: field(data, "adminLastName"),
          locale: field(data, "adminLocale") === "en" ? "en" : "fr",
        },
      },
      {
        onSuccess: () => {
          form.reset();
          setCountry("FR");
        },
      },
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
          <CountrySelect
            value={country}
            onChange={setCountry}
            label={t("customers.fields.country")}
            description={t("customers.fields.countryHelp")}
            error={errorOf("billingCountry")}
          />
          {french ? (
            <>
              {input("siren", t("customers.fields.siren"), "siren", {
                required: true,
                description: t("customers.fields.sirenHelp"),
              })}
              {input("siret", t("customers.fields.siret"))}
            </>
          ) : (
            input("registrationNumber", t("customers.fields.registrationNumber"), "registrationNumber", {
              description: t("customers.fields.registrationHelp"),
            })
          )}
          {input("vatNumber", t("customers.fields.vatNumber"), "vatNumber", {
            description: french
              ? t("customers.fields.vatHelp")
              : vatFormat
                ? t("customers.fields.vatHelpEu", { example: vatFormat.example })
                : t("customers.fields.vatHelpOutsideEu"),
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
