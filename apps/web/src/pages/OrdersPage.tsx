import { Alert, Anchor, Stack, Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ordersApi, ordersKeys } from "../api/orders-endpoints";
import type { OrderView } from "../api/orders-types";
import type { Me } from "../api/types";
import { Allowed } from "../components/Allowed";
import { ErrorAlert } from "../components/ErrorAlert";
import { PageHeader } from "../components/PageHeader";
import { RecordTable } from "../components/RecordTable";
import { Section } from "../components/Section";
import { StatusBadge } from "../components/StatusBadge";
import { useLocaleFormat } from "../i18n/format";
import { NewOrderForm } from "../orders/NewOrderForm";
import { OrderFacts } from "../orders/OrderFacts";
import { QuotasSection } from "../orders/QuotasSection";
import { SignOrderForm } from "../orders/SignOrderForm";
import { StaffActions } from "../orders/StaffActions";
import { CustomerChoice, organisationOf } from "../orders/use-customer-choice";
import { WholesaleContracts } from "../orders/WholesaleContracts";
import { can, staffSpace } from "../permissions";
import { useContract } from "../session";

export interface OrdersSearch {
  organisationId?: string;
}

/** Orders (issue 16): a customer's administrator orders and signs; provider staff decide. */
export function OrdersPage() {
  const search = useSearch({ from: "/session/commandes" });
  return <Allowed when={can.viewOrders}>{(me) => <Orders me={me} search={search} />}</Allowed>;
}

function Orders({ me, search }: { me: Me; search: OrdersSearch }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const staff = staffSpace(me);
  const organisationId = organisationOf(me, search.organisationId);
  const orders = useQuery({
    queryKey: ordersKeys.orders(organisationId),
    queryFn: () => ordersApi.orders(organisationId),
  });
  const [notice, setNotice] = useState<string>();
  const contract = useContract().data;
  return (
    <Stack gap="md">
      <PageHeader title={t("orders.title")} intro={t(staff ? "orders.introStaff" : "orders.intro")} />
      <CustomerChoice
        me={me}
        organisationId={organisationId}
        placeholder={t("orders.chooseCustomer")}
        onChange={(value) =>
          void navigate({ to: "/commandes", search: value ? { organisationId: value } : {} })
        }
      />
      {notice && (
        <Alert color="green" variant="light" role="status">
          {notice}
        </Alert>
      )}
      {organisationId && can.order(me) && contract?.rules.ordering && (
        <Section title={t("orders.new.heading")}>
          <NewOrderForm
            organisationId={organisationId}
            onOrdered={(reference) => setNotice(t("orders.new.done", { reference }))}
          />
        </Section>
      )}
      {organisationId && <VendorAccounts organisationId={organisationId} />}
      {organisationId && <Eligibility me={me} organisationId={organisationId} />}
      {organisationId && contract?.rules.quotas && (
        <QuotasSection
          organisationId={organisationId}
          clause={contract.rules.quotas}
          canSet={can.decideOrders(me)}
          canAsk={can.askQuota(me)}
        />
      )}
      <Section title={t("orders.list")}>
        <ErrorAlert error={orders.error} />
        <OrdersTable me={me} orders={orders.data} withCustomer={staff && !organisationId} />
      </Section>
    </Stack>
  );
}

function OrdersTable({
  me,
  orders,
  withCustomer,
}: {
  me: Me;
  orders: OrderView[] | undefined;
  withCustomer: boolean;
}) {
  const { t } = useTranslation();
  const { label } = useLocaleFormat();
  const contract = useContract().data;
  const names = new Map(contract?.catalogue.map((item) => [item.id, label(item.name)]));
  const columns = [
    "reference",
    ...(withCustomer ? ["customer"] : []),
    "item",
    "status",
    "details",
    "actions",
  ];
  return (
    <RecordTable
      records={orders}
      empty={t("orders.empty")}
      headings={columns.map((column) => t(`orders.columns.${column}` as "orders.columns.reference"))}
    >
      {(order) => (
        <Table.Tr key={order.id}>
          <Table.Td>{order.reference}</Table.Td>
          {withCustomer && <Table.Td>{order.organisationName}</Table.Td>}
          <Table.Td>{names.get(order.catalogueItemId) ?? order.catalogueItemId}</Table.Td>
          <Table.Td>
            <StatusBadge status={order.status} label={t(`orders.status.${order.status}`)} />
          </Table.Td>
          <Table.Td>
            <OrderFacts order={order} />
          </Table.Td>
          <Table.Td>
            {can.decideOrders(me) && <StaffActions order={order} />}
            {can.signOrder(me) && order.status === "awaiting_signature" && <SignOrderForm order={order} />}
          </Table.Td>
        </Table.Tr>
      )}
    </RecordTable>
  );
}

/** Where eligibility is by wholesale contracts (DSN-ORD-01): the operator's, recorded by staff. */
function Eligibility({ me, organisationId }: { me: Me; organisationId: string }) {
  const options = useQuery({
    queryKey: ordersKeys.options(organisationId),
    queryFn: () => ordersApi.options(organisationId),
  });
  if (options.data?.eligibility !== "wholesale-contracts") return null;
  return (
    <WholesaleContracts
      organisationId={organisationId}
      clause={options.data.clause}
      canRecord={can.decideOrders(me)}
    />
  );
}

/** The customer's vendor accounts with their console links (MCR-ACC-04); nothing where it has none. */
function VendorAccounts({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const { date, label } = useLocaleFormat();
  const contract = useContract().data;
  const accounts = useQuery({
    queryKey: ordersKeys.vendorAccounts(organisationId),
    queryFn: () => ordersApi.vendorAccounts(organisationId),
  });
  if (!accounts.data?.length) return <ErrorAlert error={accounts.error} />;
  const names = new Map(contract?.catalogue.map((item) => [item.id, label(item.name)]));
  const heading = (key: "vendor" | "account" | "billing" | "since" | "console") =>
    t(`orders.accounts.${key}`);
  return (
    <Section title={t("orders.accounts.title")} intro={t("orders.accounts.intro")}>
      <RecordTable
        records={accounts.data}
        empty={t("orders.accounts.empty")}
        headings={[
          heading("vendor"),
          heading("account"),
          heading("billing"),
          heading("since"),
          heading("console"),
        ]}
        minWidth={640}
      >
        {(account) => {
          const vendor = names.get(account.catalogueItemId) ?? account.catalogueItemId;
          return (
            <Table.Tr key={account.id}>
              <Table.Td>{vendor}</Table.Td>
              <Table.Td>{account.vendorAccountId}</Table.Td>
              <Table.Td>{account.billingAccountId ?? "—"}</Table.Td>
              <Table.Td>{date(account.createdAt.slice(0, 10))}</Table.Td>
              <Table.Td>
                <Anchor href={account.consoleUrl} target="_blank" rel="noreferrer">
                  {t("orders.accounts.open", { vendor })}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          );
        }}
      </RecordTable>
    </Section>
  );
}
