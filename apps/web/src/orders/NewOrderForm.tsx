import { Alert, Anchor, Button, Checkbox, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ordersApi, ordersKeys } from "../api/orders-endpoints";
import type { NewOrder } from "../api/orders-types";
import { ClauseTag } from "../components/ClauseTag";
import { ErrorAlert } from "../components/ErrorAlert";
import { useLocaleFormat } from "../i18n/format";

/**
 * Orders a catalogue item for an organisation (issue 16). MCR: a cloud vendor account, its
 * vendor's conditions to accept, a support plan (Basic by default) and a tenancy; DSN: an e-service,
 * whose order form is then signed. One idempotency key per filled form: a second click answers the
 * same order instead of making another.
 */
export function NewOrderForm({
  organisationId,
  onOrdered,
}: {
  organisationId: string;
  onOrdered: (reference: string) => void;
}) {
  const { t } = useTranslation();
  const { label, money } = useLocaleFormat();
  const queryClient = useQueryClient();
  const options = useQuery({
    queryKey: ordersKeys.options(organisationId),
    queryFn: () => ordersApi.options(organisationId),
  });
  const [itemId, setItemId] = useState<string>("");
  const [key, setKey] = useState(() => crypto.randomUUID());
  const order = useMutation({
    mutationFn: (input: NewOrder) => ordersApi.order(organisationId, { ...input, idempotencyKey: key }),
    onSuccess: (placed) => {
      void queryClient.invalidateQueries({ queryKey: ordersKeys.all });
      setKey(crypto.randomUUID());
      onOrdered(placed.reference);
    },
  });
  if (!options.data) return <ErrorAlert error={options.error} />;
  const { items, supportPlans, defaultSupportPlan, supportPlanHeld, requires, clause } = options.data;
  const item = items.find((i) => i.id === itemId) ?? items[0];
  const cloud = requires === "accepted-order-form";

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!item) return;
    const data = new FormData(event.currentTarget);
    order.mutate(
      cloud
        ? {
            catalogueItemId: item.id,
            supportPlan: supportPlanHeld ?? String(data.get("supportPlan") ?? defaultSupportPlan),
            tenancy: data.get("tenancy") === "multi" ? "multi" : "single",
            vendorTerms: { accepted: data.get("vendorTerms") === "on", url: item.vendor?.termsUrl ?? "" },
          }
        : { catalogueItemId: item.id },
    );
  };
  return (
    <form onSubmit={submit} aria-label={t("orders.new.heading")}>
      <Stack>
        <Group gap="xs">
          <Text size="sm">{t(cloud ? "orders.new.introCloud" : "orders.new.introOrderForm")}</Text>
          <ClauseTag clause={clause} />
        </Group>
        <NativeSelect
          name="catalogueItemId"
          label={t("orders.new.item")}
          value={item?.id ?? ""}
          onChange={(event) => setItemId(event.currentTarget.value)}
          data={items.map((i) => ({
            value: i.id,
            label: i.eligible ? label(i.name) : `${label(i.name)} — ${t("orders.new.notEligible")}`,
          }))}
        />
        {item && !cloud && (
          <Alert variant="light" color={item.eligible ? "blue" : "orange"}>
            {item.eligible
              ? t("orders.new.eligibleBy", { contract: item.eligibleBy ?? "" })
              : t("orders.new.ineligible")}
            {item.conditions && (
              <Text size="sm" mt="xs">
                {t("orders.new.conditions", {
                  title: item.conditions.documentTitle,
                  version: item.conditions.documentVersion,
                  price: money(item.conditions.monthlyPrice, item.conditions.currency),
                  minimum: item.conditions.minimumMonths,
                  notice: item.conditions.terminationNoticeMonths,
                })}
                {item.conditions.demo ? ` ${t("orders.new.demo")}` : ""}
              </Text>
            )}
          </Alert>
        )}
        {item && cloud && (
          <>
            {/* One plan per customer: a later account keeps it; changing it is on Abonnements (MCR-SUP-02). */}
            <NativeSelect
              name="supportPlan"
              label={t("orders.new.supportPlan")}
              defaultValue={supportPlanHeld ?? defaultSupportPlan}
              disabled={supportPlanHeld !== null}
              description={supportPlanHeld ? t("orders.new.planHeld") : undefined}
              data={supportPlans.map((plan) => ({ value: plan.id, label: label(plan.name) }))}
            />
            <NativeSelect
              name="tenancy"
              label={t("orders.new.tenancy")}
              data={[
                { value: "single", label: t("orders.tenancy.single") },
                { value: "multi", label: t("orders.tenancy.multi") },
              ]}
            />
            {item.vendor && (
              <Checkbox
                name="vendorTerms"
                label={
                  <>
                    {t("orders.new.acceptTerms", { vendor: item.vendor.name })}{" "}
                    <Anchor href={item.vendor.termsUrl} target="_blank" rel="noreferrer">
                      {item.vendor.termsUrl}
                    </Anchor>
                  </>
                }
              />
            )}
          </>
        )}
        <ErrorAlert error={order.error} withClause />
        <Group justify="flex-end">
          <Button type="submit" loading={order.isPending}>
            {t("orders.new.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
