import { Alert, Button, FileInput, Group, List, Progress, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { billingApi, billingKeys } from "../api/billing-endpoints";
import { ErrorAlert } from "../components/ErrorAlert";
import { Section } from "../components/Section";
import { useLocaleFormat } from "../i18n/format";
import { useBillingClauses } from "./billing-clauses";

/**
 * Billing staff import the clouds' FinOps FOCUS exports from the portal (MCR-BIL-01), as the API,
 * `guichet costs import` and the watched folder do: several files as one import, all or nothing; a
 * refusal names the file, the line and the column (the server's words); the report says, per
 * vendor, billing account and period, whether it was imported, replaced a restated one, or was
 * the same file again.
 */
export function CostImportForm() {
  const { t } = useTranslation();
  const f = useLocaleFormat();
  const clauses = useBillingClauses();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const [sent, setSent] = useState<number | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File[]) => billingApi.importCosts(chosen, setSent),
    onSettled: () => setSent(null),
    onSuccess: () => {
      setFiles([]);
      void queryClient.invalidateQueries({ queryKey: billingKeys.unmatched });
    },
  });
  return (
    <Section
      title={t("billing.import.heading")}
      intro={t("billing.import.intro")}
      clause={clauses?.cloudConsumption}
    >
      <Group align="flex-end">
        <FileInput
          label={t("billing.import.files")}
          accept=".csv,.gz,.parquet,text/csv,application/gzip"
          multiple
          value={files}
          onChange={setFiles}
          clearable
          w={360}
        />
        <Button disabled={files.length === 0} loading={upload.isPending} onClick={() => upload.mutate(files)}>
          {t("billing.import.submit")}
        </Button>
      </Group>
      {sent !== null && (
        <Progress value={sent * 100} aria-label={t("billing.import.sending")} mt="xs" size="sm" />
      )}
      <ErrorAlert error={upload.error} />
      {upload.data && (
        <Alert color="green" variant="light" role="status">
          <Text>
            {t("billing.import.done", {
              lines: f.number(upload.data.lineCount),
              count: upload.data.unmatchedAccounts,
            })}
          </Text>
          <List size="sm">
            {upload.data.units.map((u) => (
              <List.Item key={`${u.vendor}/${u.billingAccountId}/${u.billingPeriod}`}>
                {t("billing.import.unit", {
                  vendor: u.vendorName,
                  account: u.billingAccountId,
                  month: f.month(u.billingPeriod),
                  count: u.lineCount,
                  lines: f.number(u.lineCount),
                  outcome: t(`billing.import.outcomes.${u.outcome}`),
                })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Section>
  );
}
