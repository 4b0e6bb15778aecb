import { Anchor, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ordersApi } from "../api/orders-endpoints";
import type { OrderView } from "../api/orders-types";
import { useLocaleFormat } from "../i18n/format";
import { useContract } from "../session";

/**
 * What each step of an order recorded (issue 16): who ordered and when, the vendor's conditions
 * accepted and the account created (MCR 4, MCR-ACC-04), the order form, its signature, the
 * reception that starts invoicing (DSN-ORD-03), the identifiers' due date (DSN-ID-02), the last
 * signature and the activation date (DSN-ORD-02), the decision.
 */
export function OrderFacts({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const { date, dateTime, label } = useLocaleFormat();
  const plans = useContract().data?.supportPlans;
  const facts: [string, ReactNode][] = [
    [
      t("orders.facts.ordered"),
      t("orders.facts.orderedBy", { date: dateTime(order.orderedAt), name: order.orderedBy }),
    ],
  ];
  if (order.supportPlan) {
    // The plan's name in the reader's language, never the contract file's key ("basic").
    const plan = plans?.find((p) => p.id === order.supportPlan);
    facts.push([t("orders.facts.supportPlan"), plan ? label(plan.name) : order.supportPlan]);
  }
  if (order.tenancy) facts.push([t("orders.facts.tenancy"), t(`orders.tenancy.${order.tenancy}`)]);
  if (order.vendorTerms)
    facts.push([
      t("orders.facts.vendorTerms"),
      <>
        <Anchor href={order.vendorTerms.url} target="_blank" rel="noreferrer">
          {order.vendorTerms.title}
        </Anchor>{" "}
        {t("orders.facts.acceptedAt", { date: dateTime(order.vendorTerms.acceptedAt) })}
      </>,
    ]);
  if (order.vendorAccount)
    facts.push([
      t("orders.facts.vendorAccount"),
      <>
        {order.vendorAccount.vendorAccountId} —{" "}
        <Anchor href={order.vendorAccount.consoleUrl} target="_blank" rel="noreferrer">
          {t("orders.facts.openConsole")}
        </Anchor>
      </>,
    ]);
  if (order.orderForm)
    facts.push([
      t("orders.facts.orderForm"),
      <Anchor key="order-form" href={ordersApi.orderFormUrl(order.id)} target="_blank" rel="noreferrer">
        {t("orders.facts.orderFormPdf", { reference: order.reference })}
      </Anchor>,
    ]);
  if (order.signature)
    facts.push([
      t("orders.facts.signature"),
      t(`orders.facts.signed.${order.signature.kind}`, {
        name: order.signature.signerName,
        role: order.signature.signerRole,
        date: dateTime(order.signature.signedAt),
        ip: order.signature.ip ?? "—",
      }),
    ]);
  if (order.invoicingFrom) facts.push([t("orders.facts.invoicingFrom"), date(order.invoicingFrom)]);
  if (order.identifiersDueAt)
    facts.push([
      t("orders.facts.identifiersDue"),
      order.identifiersSentAt
        ? t("orders.facts.identifiersSent", {
            due: dateTime(order.identifiersDueAt),
            sent: dateTime(order.identifiersSentAt),
          })
        : dateTime(order.identifiersDueAt),
    ]);
  if (order.contractEffectiveAt)
    facts.push([t("orders.facts.contractEffective"), dateTime(order.contractEffectiveAt)]);
  if (order.activationOn) facts.push([t("orders.facts.activation"), date(order.activationOn)]);
  if (order.decidedAt && order.decidedBy)
    facts.push([
      t("orders.facts.decided"),
      t("orders.facts.decidedBy", { date: dateTime(order.decidedAt), name: order.decidedBy }),
    ]);
  if (order.refusalReason) facts.push([t("orders.facts.refusal"), order.refusalReason]);
  return (
    <Stack gap={2}>
      {facts.map(([label, value]) => (
        <Text size="sm" key={label}>
          <Text span fw={600} size="sm">
            {t("orders.facts.labelled", { label })}
          </Text>{" "}
          {value}
        </Text>
      ))}
    </Stack>
  );
}
