import { Alert, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { commercialApi, commercialKeys } from "../api/commercial-endpoints";
import { Allowed } from "../components/Allowed";
import { ErrorAlert } from "../components/ErrorAlert";
import { PageHeader } from "../components/PageHeader";
import { Section } from "../components/Section";
import { CustomerImport } from "../customers/CustomerImport";
import { NewCustomerForm } from "../customers/NewCustomerForm";
import { can } from "../permissions";

/** Provider staff: the customers with their identifiers and billing details; creating and importing them (issue 16). */
export function CustomersPage() {
  return <Allowed when={can.createCustomers}>{() => <Customers />}</Allowed>;
}

function Customers() {
  const { t } = useTranslation();
  const customers = useQuery({ queryKey: commercialKeys.customers, queryFn: commercialApi.customers });
  const [notice, setNotice] = useState<string>();
  return (
    <Stack gap="md">
      <PageHeader title={t("customers.title")} intro={t("customers.intro")} />
      {notice && (
        <Alert
          color="green"
          variant="light"
          role="status"
          withCloseButton
          closeButtonLabel={t("common.close")}
          onClose={() => setNotice(undefined)}
        >
          {notice}
        </Alert>
      )}
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
        {customers.data?.length === 0 && <Text>{t("customers.list.empty")}</Text>}
        {customers.data && customers.data.length > 0 && (
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("customers.fields.legalName")}</Table.Th>
                  <Table.Th scope="col">{t("customers.fields.siren")}</Table.Th>
                  <Table.Th scope="col">{t("customers.fields.vatNumber")}</Table.Th>
                  <Table.Th scope="col">{t("customers.list.billing")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {customers.data.map((customer) => (
                  <Table.Tr key={customer.id}>
                    <Table.Td>{customer.name}</Table.Td>
                    <Table.Td>{customer.siren ?? t("common.none")}</Table.Td>
                    <Table.Td>{customer.vatNumber ?? t("common.none")}</Table.Td>
                    <Table.Td>
                      {customer.billing
                        ? `${customer.billing.address}, ${customer.billing.postalCode} ${customer.billing.city} · ${customer.billing.email}`
                        : t("common.none")}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>
    </Stack>
  );
}
