import { Alert, Button, Group, List, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { billingApi, billingKeys } from "../api/billing-endpoints";
import { ErrorAlert } from "../components/ErrorAlert";
import { Section } from "../components/Section";
import { useBillingClauses } from "./billing-clauses";

function previousMonth(): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
  return d.toISOString().slice(0, 7);
}

/**
 * The provider's billing staff issue a month's invoices (MCR-BIL-01, DSN-ORD-03): last month by
 * default, all or nothing; the answer says how many were issued and why a customer was skipped.
 */
export function InvoiceRunForm() {
  const { t } = useTranslation();
  const clauses = useBillingClauses();
  const queryClient = useQueryClient();
  const [month, setMonth] = useState(previousMonth);
  const run = useMutation({
    mutationFn: billingApi.runInvoices,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: billingKeys.invoices }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run.mutate(month);
  };
  return (
    <Section title={t("billing.run.heading")} intro={t("billing.run.intro")} clause={clauses?.invoicing}>
      <form onSubmit={submit}>
        <Group align="flex-end">
          <TextInput
            label={t("billing.run.month")}
            value={month}
            onChange={(e) => setMonth(e.currentTarget.value)}
            pattern="\d{4}-\d{2}"
            required
            w={200}
          />
          <Button type="submit" loading={run.isPending}>
            {t("billing.run.submit")}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={run.error} />
      {run.data && (
        <Alert color="green" variant="light" role="status">
          <Text>{t("billing.run.done", { count: run.data.issued.length })}</Text>
          {run.data.skipped.length > 0 && (
            <List size="sm">
              {run.data.skipped.map((s) => (
                <List.Item key={s.organisationId}>
                  {t("billing.run.skipped", { name: s.name, reason: t(`billing.run.reasons.${s.reason}`) })}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Section>
  );
}
