import { Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { billingApi, billingKeys } from "../api/billing-endpoints";
import { noticesApi, noticesKeys } from "../api/notices-endpoints";
import { ordersApi, ordersKeys } from "../api/orders-endpoints";
import type { Me } from "../api/types";
import { useLocaleFormat } from "../i18n/format";
import { can } from "../permissions";
import { CardLine, DashboardCard, useSeen } from "./DashboardCard";

const SHOWN = 4;

/**
 * Orders still on their way (issue 16): for a customer, those it waits on and the order forms it
 * has to sign (DSN-ORD-02); for the provider's commercial staff, those waiting for its decision.
 */
export function OrdersCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { date } = useLocaleFormat();
  const { ref, seen } = useSeen<HTMLElement>();
  const organisationId = me.organisationKind === "customer" ? me.organisationId : undefined;
  const orders = useQuery({
    queryKey: ordersKeys.orders(organisationId),
    queryFn: () => ordersApi.orders(organisationId),
    enabled: seen,
  });
  const staff = me.organisationKind === "provider";
  // Staff decide submitted orders and activate received order forms; customers sign theirs.
  const waiting = (orders.data ?? []).filter((order) =>
    staff
      ? ["submitted", "received"].includes(order.status)
      : ["submitted", "awaiting_signature", "received"].includes(order.status),
  );
  const toSign = (orders.data ?? []).filter((order) => order.status === "awaiting_signature");
  return (
    <DashboardCard
      title={t(staff ? "home.cards.ordersToDecide" : "home.cards.pendingOrders")}
      to="/commandes"
      state={{ pending: orders.isPending, error: orders.error }}
      cardRef={ref}
    >
      <Stack gap={6}>
        <Text size="sm">
          {waiting.length === 0
            ? t("home.cards.noOrder")
            : t("home.cards.orderCount", { count: waiting.length })}
        </Text>
        {!staff && can.signOrder(me) && toSign.length > 0 && (
          <Text size="sm" fw={600}>
            {t("home.cards.toSign", { count: toSign.length })}
          </Text>
        )}
        {staff && toSign.length > 0 && (
          <Text size="sm">{t("home.cards.awaitingCustomer", { count: toSign.length })}</Text>
        )}
        {waiting.slice(0, SHOWN).map((order) => (
          <CardLine key={order.id}>
            {t("home.cards.orderLine", {
              reference: order.reference,
              who: staff ? ` ${order.organisationName}` : "",
              status: t(`orders.status.${order.status}`),
              date: date(order.orderedAt),
            })}
          </CardLine>
        ))}
      </Stack>
    </DashboardCard>
  );
}

/** The latest invoices and credit notes (MCR-BIL-01, DSN-ORD-03). */
export function InvoicesCard() {
  const { t } = useTranslation();
  const { date, money } = useLocaleFormat();
  const { ref, seen } = useSeen<HTMLElement>();
  const invoices = useQuery({
    queryKey: billingKeys.invoices,
    queryFn: () => billingApi.invoices(),
    enabled: seen,
  });
  const latest = [...(invoices.data?.items ?? [])].sort((a, b) => b.issueDate.localeCompare(a.issueDate));
  return (
    <DashboardCard
      title={t("home.cards.invoices")}
      to="/factures"
      state={{ pending: invoices.isPending, error: invoices.error }}
      cardRef={ref}
    >
      <Stack gap={6}>
        {latest.length === 0 && <Text size="sm">{t("home.cards.noInvoice")}</Text>}
        {latest.slice(0, SHOWN).map((invoice) => (
          <CardLine key={invoice.id}>
            {t("home.cards.invoiceLine", {
              number: invoice.number,
              date: date(invoice.issueDate),
              total: money(invoice.totalInclVat, invoice.currency),
            })}
          </CardLine>
        ))}
      </Stack>
    </DashboardCard>
  );
}

/** This month's budget alerts (MCR 6.1.2): the thresholds already crossed. */
export function BudgetsCard() {
  const { t } = useTranslation();
  const { month } = useLocaleFormat();
  const { ref, seen } = useSeen<HTMLElement>();
  const budgets = useQuery({ queryKey: billingKeys.budgets, queryFn: billingApi.budgets, enabled: seen });
  const data = budgets.data;
  const alerts = (data?.items ?? []).flatMap((budget) =>
    budget.alerts.filter((alert) => alert.month === data?.month).map((alert) => ({ budget, alert })),
  );
  return (
    <DashboardCard
      title={t("home.cards.budgets")}
      to="/budgets"
      state={{ pending: budgets.isPending, error: budgets.error }}
      cardRef={ref}
    >
      {data && (
        <Stack gap={6}>
          <Text size="sm">
            {data.items.length === 0
              ? t("home.cards.noBudget")
              : alerts.length === 0
                ? t("home.cards.noAlert", { month: month(data.month) })
                : t("home.cards.alertCount", { count: alerts.length, month: month(data.month) })}
          </Text>
          {alerts.slice(0, SHOWN).map(({ budget, alert }) => (
            <CardLine key={`${budget.id}-${alert.threshold}-${alert.basis}`}>
              {t(`home.cards.alert.${alert.basis}`, {
                budget: budget.vendor
                  ? (data.vendorNames[budget.vendor] ?? budget.vendor)
                  : t("home.cards.allVendors"),
                threshold: alert.threshold,
              })}
            </CardLine>
          ))}
        </Stack>
      )}
    </DashboardCard>
  );
}

/** Notices of changes still to read, and new versions to sign (MCR-BIL-05, DSN-BIL-01, DSN 10.1). */
export function NoticesCard() {
  const { t } = useTranslation();
  const { date } = useLocaleFormat();
  const { ref, seen } = useSeen<HTMLElement>();
  const notices = useQuery({ queryKey: noticesKeys.notices, queryFn: noticesApi.notices, enabled: seen });
  const open = (notices.data?.items ?? []).filter(
    (notice) => !notice.readAt || (notice.signatureRequired && !notice.signedAt),
  );
  return (
    <DashboardCard
      title={t("home.cards.notices")}
      to="/avis"
      state={{ pending: notices.isPending, error: notices.error }}
      cardRef={ref}
    >
      <Stack gap={6}>
        <Text size="sm">
          {open.length === 0 ? t("home.cards.noNotice") : t("home.cards.noticeCount", { count: open.length })}
        </Text>
        {open.slice(0, SHOWN).map((notice) => (
          <CardLine key={notice.id}>
            {t(
              notice.signatureRequired && !notice.signedAt
                ? "home.cards.noticeToSign"
                : "home.cards.noticeLine",
              {
                title: notice.change.title,
                date: date(notice.change.effectiveFrom),
              },
            )}
          </CardLine>
        ))}
      </Stack>
    </DashboardCard>
  );
}
