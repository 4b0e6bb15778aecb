import { currencySymbol } from "@guichet/domain/money";
import { Alert, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { billingApi, billingKeys } from "../api/billing-endpoints";
import type { Budget, Budgets } from "../api/billing-types";
import type { Me } from "../api/types";
import { useBillingClauses } from "../billing/billing-clauses";
import { Allowed } from "../components/Allowed";
import { CheckboxFieldset } from "../components/CheckboxFieldset";
import { ErrorAlert } from "../components/ErrorAlert";
import { PageHeader } from "../components/PageHeader";
import { RecordTable } from "../components/RecordTable";
import { Section } from "../components/Section";
import { checked, field } from "../form-data";
import { useLocaleFormat } from "../i18n/format";
import { can, costsSection } from "../permissions";

/**
 * Budgets et alertes (MCR 6.1.2 "gestion budgétaire (alertes)"): the customer's monthly budgets,
 * the month to date and forecast each is compared with, the alerts sent this month; its
 * administrators set them, naming the people to warn.
 */
export function BudgetsPage() {
  return <Allowed when={costsSection}>{(me) => <BudgetsView me={me} />}</Allowed>;
}

function BudgetsView({ me }: { me: Me }) {
  const { t } = useTranslation();
  const budgets = useQuery({ queryKey: billingKeys.budgets, queryFn: billingApi.budgets });
  return (
    <Stack gap="md">
      <PageHeader title={t("budgets.title")} intro={t("budgets.intro")} />
      <ErrorAlert error={budgets.error} />
      {budgets.data && <BudgetList data={budgets.data} canManage={can.manageBudgets(me)} />}
      {budgets.data && can.manageBudgets(me) && <BudgetForm data={budgets.data} />}
    </Stack>
  );
}

function BudgetList({ data, canManage }: { data: Budgets; canManage: boolean }) {
  const { t } = useTranslation();
  const clauses = useBillingClauses();
  const f = useLocaleFormat();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: billingApi.deleteBudget,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: billingKeys.budgets }),
  });
  const scope = (b: Budget) =>
    b.vendor ? (data.vendorNames[b.vendor] ?? b.vendor) : t("budgets.wholeAccount");
  return (
    <Section
      title={t("budgets.list.heading", { month: f.month(data.month) })}
      intro={t("budgets.list.intro")}
      clause={clauses?.billingSection}
    >
      <ErrorAlert error={remove.error} />
      <RecordTable
        records={data.items}
        empty={t("budgets.list.empty")}
        headings={[
          t("budgets.list.scope"),
          t("budgets.list.amount", { currency: currencySymbol(data.currency) }),
          t("budgets.list.actual"),
          t("budgets.list.forecast"),
          t("budgets.list.thresholds"),
          t("budgets.list.alerts"),
          t("budgets.list.recipients"),
          ...(canManage ? [t("budgets.list.actions")] : []),
        ]}
      >
        {(b: Budget) => (
          <Table.Tr key={b.id}>
            <Table.Td>{scope(b)}</Table.Td>
            <Table.Td>{f.money(b.amount, data.currency)}</Table.Td>
            <Table.Td>
              {b.actual === null ? t("budgets.list.noRate") : f.money(b.actual, data.currency)}
            </Table.Td>
            <Table.Td>
              {b.forecast === null ? t("budgets.list.noRate") : f.money(b.forecast, data.currency)}
            </Table.Td>
            <Table.Td>{b.thresholds.map((x) => f.percent(x)).join(", ")}</Table.Td>
            <Table.Td>
              {b.alerts.length === 0
                ? t("budgets.list.noAlert")
                : b.alerts.map((a) => (
                    <Text size="sm" key={`${a.month}/${a.threshold}/${a.basis}`}>
                      {t(`budgets.list.alert.${a.basis}`, {
                        month: f.month(a.month),
                        threshold: a.threshold,
                        spent: f.money(a.spent, data.currency),
                        at: f.dateTime(a.sentAt),
                      })}
                    </Text>
                  ))}
            </Table.Td>
            <Table.Td>{b.recipients.map((p) => `${p.firstName} ${p.lastName}`).join(", ")}</Table.Td>
            {canManage && (
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  loading={remove.isPending && remove.variables === b.id}
                  onClick={() => remove.mutate(b.id)}
                  aria-label={t("budgets.list.remove", { scope: scope(b) })}
                >
                  {t("budgets.list.removeShort")}
                </Button>
              </Table.Td>
            )}
          </Table.Tr>
        )}
      </RecordTable>
    </Section>
  );
}

function BudgetForm({ data }: { data: Budgets }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: billingApi.saveBudget,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: billingKeys.budgets }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const vendor = field(form, "vendor");
    save.mutate({
      vendor: vendor === "" ? null : vendor,
      amount: field(form, "amount").replace(",", ".").replace(/\s/g, ""),
      thresholds: field(form, "thresholds")
        .split(/[\s;,]+/)
        .filter(Boolean)
        .map(Number),
      recipientUserIds: checked(
        form,
        "recipients",
        data.people.map((p) => p.id),
      ),
    });
  };
  return (
    <Section title={t("budgets.form.heading")} intro={t("budgets.form.intro")}>
      <form onSubmit={submit}>
        <Stack gap="sm" maw={560}>
          <NativeSelect
            name="vendor"
            label={t("budgets.form.scope")}
            data={[
              { value: "", label: t("budgets.wholeAccount") },
              ...data.vendors.map((v) => ({ value: v, label: data.vendorNames[v] ?? v })),
            ]}
          />
          <TextInput
            name="amount"
            label={t("budgets.form.amount", { currency: currencySymbol(data.currency) })}
            inputMode="decimal"
            required
          />
          <TextInput
            name="thresholds"
            label={t("budgets.form.thresholds")}
            description={t("budgets.form.thresholdsHelp")}
            defaultValue="50, 80, 100"
            required
          />
          <CheckboxFieldset
            legend={t("budgets.form.recipients")}
            name="recipients"
            options={data.people.map((p) => ({
              value: p.id,
              label: `${p.firstName} ${p.lastName} (${p.email})`,
            }))}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t("budgets.form.submit")}
            </Button>
          </Group>
          <ErrorAlert error={save.error} />
          {save.data && (
            <Alert color="green" variant="light" role="status">
              {save.data.alertsSent.length === 0
                ? t("budgets.form.savedQuiet")
                : t("budgets.form.saved", { count: save.data.alertsSent.length })}
            </Alert>
          )}
        </Stack>
      </form>
    </Section>
  );
}
