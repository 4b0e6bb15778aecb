import { currencySymbol } from "@guichet/domain/money";
import { Alert, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CommitmentsView } from "../api/commitments-types";
import { ErrorAlert } from "../components/ErrorAlert";
import { Section } from "../components/Section";
import { useLocaleFormat } from "../i18n/format";
import { useCommitmentActions } from "./use-commitments";

/**
 * The transfer of the cloud accounts on termination (MCR 5.4.2, MCR-ORD-03): the customer's
 * administrator asks for it once the contract's termination is recorded; staff answer with a
 * quote. Absent where the contract has no such clause.
 */
export function TransfersSection({
  organisationId,
  view,
  canRequest,
  canQuote,
}: {
  organisationId: string;
  view: CommitmentsView;
  canRequest: boolean;
  canQuote: boolean;
}) {
  const { t } = useTranslation();
  const { money, date } = useLocaleFormat();
  const { requestTransfer, quoteTransfer } = useCommitmentActions(organisationId);
  const clause = view.termination.transferClause;
  const terminated = view.terminations.some((r) => r.scope === "contract");
  if (!clause || (!terminated && view.transferRequests.length === 0)) return null;
  return (
    <Section title={t("commitments.transfersTitle")} intro={t("commitments.transferIntro")} clause={clause}>
      {view.transferRequests.map((r) => (
        <Stack key={r.id} gap={4}>
          <Text size="sm">
            {r.recipient} — {t("commitments.requestedOn", { date: date(r.requestedAt.slice(0, 10)) })} —{" "}
            {r.quote === null
              ? t("commitments.awaitingQuote")
              : t("commitments.quote", { amount: money(r.quote, view.currency), text: r.quoteText ?? "" })}
          </Text>
          {canQuote && r.quote === null && (
            <form
              aria-label={t("commitments.quoteSubmit")}
              onSubmit={(event) => {
                event.preventDefault();
                const form = new FormData(event.currentTarget);
                quoteTransfer.mutate({
                  requestId: r.id,
                  amount: String(form.get("amount") ?? "").replace(",", "."),
                  text: String(form.get("text") ?? ""),
                });
              }}
            >
              <Group align="flex-end">
                <TextInput
                  name="amount"
                  required
                  inputMode="decimal"
                  label={t("commitments.quoteAmount", { currency: currencySymbol(view.currency) })}
                />
                <TextInput name="text" required minLength={3} label={t("commitments.quoteText")} />
                <Button type="submit" loading={quoteTransfer.isPending}>
                  {t("commitments.quoteSubmit")}
                </Button>
              </Group>
            </form>
          )}
        </Stack>
      ))}
      <ErrorAlert error={quoteTransfer.error} />
      {canRequest && terminated && (
        <form
          aria-label={t("commitments.transferSubmit")}
          onSubmit={(event) => {
            event.preventDefault();
            requestTransfer.mutate(String(new FormData(event.currentTarget).get("recipient") ?? ""));
          }}
        >
          <Group align="flex-end">
            <TextInput name="recipient" required minLength={2} label={t("commitments.transferRecipient")} />
            <Button type="submit" loading={requestTransfer.isPending}>
              {t("commitments.transferSubmit")}
            </Button>
          </Group>
        </form>
      )}
      {requestTransfer.isSuccess && (
        <Alert color="green" variant="light" role="status">
          {t("commitments.transferSent")}
        </Alert>
      )}
      <ErrorAlert error={requestTransfer.error} withClause />
    </Section>
  );
}
