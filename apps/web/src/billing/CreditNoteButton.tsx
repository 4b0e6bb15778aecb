import { TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { billingApi, billingKeys } from "../api/billing-endpoints";
import type { InvoiceSummary } from "../api/billing-types";
import { ReasonDialogButton } from "../components/ReasonDialogButton";
import { field } from "../form-data";
import { useLocaleFormat } from "../i18n/format";

/**
 * Billing staff correct an issued invoice by a credit note (an issued invoice never changes,
 * MCR-BIL-01): the whole invoice, or an amount excluding VAT up to its total, with the reason the
 * credit note and the audit trail carry. The amount is typed the reader's way ("12,50" or "12.50").
 */
export function CreditNoteButton({
  invoice,
  clause,
  onIssued,
}: {
  invoice: InvoiceSummary;
  clause: string | undefined;
  onIssued: (creditNote: InvoiceSummary) => void;
}) {
  const { t } = useTranslation();
  const f = useLocaleFormat();
  const queryClient = useQueryClient();
  const issue = useMutation({
    mutationFn: (body: { reason: string; amount?: string }) => billingApi.issueCreditNote(invoice.id, body),
    onSuccess: async (creditNote) => {
      await queryClient.invalidateQueries({ queryKey: billingKeys.invoices });
      onIssued(creditNote);
    },
  });
  const total = f.money(invoice.totalExclVat, invoice.currency);
  return (
    <ReasonDialogButton
      label={t("billing.creditNote.action")}
      ariaLabel={t("billing.creditNote.actionLabel", { number: invoice.number })}
      title={t("billing.creditNote.title", { number: invoice.number })}
      intro={t("billing.creditNote.intro", { buyer: invoice.buyerName, total })}
      clause={clause}
      reasonHint={t("billing.creditNote.reasonHint")}
      confirmLabel={t("billing.creditNote.confirm")}
      maxLength={500}
      pending={issue.isPending}
      error={issue.error}
      onConfirm={(reason, close, form) => {
        const amount = field(form, "amount").replace(",", ".");
        issue.mutate({ reason, ...(amount ? { amount } : {}) }, { onSuccess: close });
      }}
    >
      <TextInput
        name="amount"
        label={t("billing.creditNote.amount", { currency: invoice.currency })}
        description={t("billing.creditNote.amountHint", { total })}
        inputMode="decimal"
        pattern="\d{1,10}([.,]\d{1,2})?"
        autoComplete="off"
      />
    </ReasonDialogButton>
  );
}
