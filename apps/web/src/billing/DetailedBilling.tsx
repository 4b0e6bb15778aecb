import { Anchor, Group, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { billingApi, billingKeys } from "../api/billing-endpoints";
import type { CostMonth } from "../api/billing-types";
import { ErrorAlert } from "../components/ErrorAlert";
import { RecordTable } from "../components/RecordTable";
import { Section } from "../components/Section";
import { useLocaleFormat } from "../i18n/format";
import { useBillingClauses } from "./billing-clauses";

/**
 * Facturation détaillée (MCR 6.1.2): for each month with imported costs, the customer's own FOCUS
 * lines as the vendors exported them, in CSV or Parquet (the server keeps out every other
 * customer's lines, and audits each download).
 */
export function DetailedBilling() {
  const { t } = useTranslation();
  const f = useLocaleFormat();
  const clause = useBillingClauses()?.billingSection;
  const months = useQuery({
    queryKey: billingKeys.costMonths,
    queryFn: billingApi.costMonths,
    // A month just imported has its detailed lines written within seconds (issue 17): ask again.
    refetchInterval: (query) => (query.state.data?.items.some((m) => m.preparing) ? 5_000 : false),
  });
  return (
    <Section title={t("billing.detail.heading")} intro={t("billing.detail.intro")} clause={clause}>
      <ErrorAlert error={months.error} />
      <RecordTable
        records={months.data?.items}
        empty={t("billing.detail.empty")}
        headings={[t("billing.detail.month"), t("billing.detail.lines"), t("billing.detail.files")]}
        minWidth={420}
      >
        {(m: CostMonth) => (
          <Table.Tr key={m.month}>
            <Table.Td>{f.month(m.month)}</Table.Td>
            <Table.Td>{f.number(m.lineCount)}</Table.Td>
            <Table.Td>
              {m.preparing ? (
                <Text size="sm" role="status">
                  {t("billing.detail.preparing")}
                </Text>
              ) : (
                <Group gap="sm" wrap="nowrap">
                  <Anchor href={billingApi.detailUrl(m.month, "csv")} download>
                    {t("billing.detail.csv", { month: f.month(m.month) })}
                  </Anchor>
                  <Anchor href={billingApi.detailUrl(m.month, "parquet")} download>
                    {t("billing.detail.parquet", { month: f.month(m.month) })}
                  </Anchor>
                </Group>
              )}
            </Table.Td>
          </Table.Tr>
        )}
      </RecordTable>
    </Section>
  );
}
