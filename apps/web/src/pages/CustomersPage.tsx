import { Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { commercialApi, commercialKeys } from "../api/commercial-endpoints";
import { Allowed } from "../components/Allowed";
import { ErrorAlert } from "../components/ErrorAlert";
import { Notice } from "../components/Notice";
import { PageHeader } from "../components/PageHeader";
import { RecordTable } from "../components/RecordTable";
import { Section } from "../components/Section";
import { CustomerImport } from "../customers/CustomerImport";
import { NewCustomerForm } from "../customers/NewCustomerForm";
import { can } from "../permissions";

/** Provider staff: the customers with their identifiers and billing details; creating and importing them (issue 16). */
export function CustomersPage() {
  return <Allowed when={can.createCustomers}>{() => <Customers />}</Allowed>;
}

function Customers() {
  const { t, i18n } = useTranslation();
  const countryName = (code: string) =>
    new Intl.DisplayNames([i18n.language], { type: "region" }).of(code) ?? code;
  const customers = useQuery({ queryKey: commercialKeys.customers, queryFn: commercialApi.customers });
  const [notice, setNotice] = useState<string>();
  return (
    <Stack gap="md">
      <PageHeader title={t("customers.title")} intro={t("customers.intro")} />
      <Notice text={notice} onClose={() => setNotice(undefined)} />
      <Section title={t("customers.create.heading")} intro={t("customers.create.intro")}>
        <NewCustomerForm
          onCreated={(name, email) => setNotice(t("customers.create.done", { name, email }))}
        />
      </Section>
      <Section title={t("customers.import.heading")} intro={t("customers.import.intro")}>
        <CustomerImport />
      </Section>
      <Section title={t("customers.list.heading")}>
        <ErrorAlert error={customers.error} />
        <RecordTable
          records={customers.data}
          empty={t("customers.list.empty")}
          headings={[
            t("customers.fields.legalName"),
            t("customers.list.identifier"),
            t("customers.fields.vatNumber"),
            t("customers.list.billing"),
          ]}
        >
          {(customer) => (
            <Table.Tr key={customer.id}>
              <Table.Td>{customer.name}</Table.Td>
              <Table.Td>
                {customer.siren
                  ? `SIREN ${customer.siren}`
                  : (customer.registrationNumber ?? t("common.none"))}
              </Table.Td>
              <Table.Td>
                {customer.vatNumber ?? t("common.none")}
                {customer.vies ? <Text size="xs">{t(`customers.list.vies.${customer.vies}`)}</Text> : null}
              </Table.Td>
              <Table.Td>
                {customer.billing
                  ? `${customer.billing.address}, ${customer.billing.postalCode} ${customer.billing.city}, ${countryName(customer.billing.country)} · ${customer.billing.email}`
                  : t("common.none")}
              </Table.Td>
            </Table.Tr>
          )}
        </RecordTable>
      </Section>
    </Stack>
  );
}
