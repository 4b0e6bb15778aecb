import { Button, Group, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ordersApi, ordersKeys } from "../api/orders-endpoints";
import type { OrderDecision, OrderView } from "../api/orders-types";
import { ErrorAlert } from "../components/ErrorAlert";
import { field } from "../form-data";

type Action = OrderDecision;

/** Each decision by its route, with what the form gave. */
function decideBy(orderId: string, action: Action, data: Record<string, string>) {
  if (action === "accept") return ordersApi.accept(orderId, { vendorAccountId: data.vendorAccountId ?? "" });
  if (action === "activate") return ordersApi.activate(orderId, data.activationOn ?? "");
  if (action === "refuse") return ordersApi.refuse(orderId, data.reason ?? "");
  return ordersApi.identifiersSent(orderId);
}

/**
 * The provider's decisions on an order: accept an MCR order with the vendor account created
 * (MCR-ACC-04), sign and activate a received DSN order form at a date (DSN-ORD-02), refuse, mark
 * the identifiers sent (DSN-ID-02). A decision another person took first is refused by the server
 * and its answer shown here.
 */
export function StaffActions({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: ({ action, input }: { action: Action; input: Record<string, string> }) =>
      decideBy(order.id, action, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ordersKeys.all }),
  });
  const on =
    (action: Action, read: (data: FormData) => Record<string, string>) =>
    (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      decide.mutate({ action, input: read(new FormData(event.currentTarget)) });
    };
  const open = ["submitted", "awaiting_signature", "received"].includes(order.status);
  return (
    <>
      <Group align="flex-end" gap="md">
        {order.status === "submitted" && (
          <form onSubmit={on("accept", (d) => ({ vendorAccountId: field(d, "vendorAccountId") }))}>
            <Group align="flex-end" gap="xs">
              <TextInput name="vendorAccountId" label={t("orders.staff.vendorAccountId")} required />
              <Button type="submit">{t("orders.staff.accept")}</Button>
            </Group>
          </form>
        )}
        {order.status === "received" && (
          <form onSubmit={on("activate", (d) => ({ activationOn: field(d, "activationOn") }))}>
            <Group align="flex-end" gap="xs">
              <TextInput type="date" name="activationOn" label={t("orders.staff.activationOn")} required />
              <Button type="submit">{t("orders.staff.activate")}</Button>
            </Group>
          </form>
        )}
        {order.identifiersDueAt && !order.identifiersSentAt && (
          <Button variant="default" onClick={() => decide.mutate({ action: "identifiers-sent", input: {} })}>
            {t("orders.staff.identifiersSent")}
          </Button>
        )}
        {open && (
          <form onSubmit={on("refuse", (d) => ({ reason: field(d, "reason") }))}>
            <Group align="flex-end" gap="xs">
              <TextInput name="reason" label={t("orders.staff.refusalReason")} required minLength={3} />
              <Button type="submit" color="red" variant="light">
                {t("orders.staff.refuse")}
              </Button>
            </Group>
          </form>
        )}
      </Group>
      <ErrorAlert error={decide.error} withClause />
    </>
  );
}
