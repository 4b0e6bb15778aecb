import { Alert, Anchor, Button, Card, Group, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CommitmentsView } from "../api/commitments-types";
import { ClauseTag } from "../components/ClauseTag";
import { ErrorAlert } from "../components/ErrorAlert";
import { useLocaleFormat } from "../i18n/format";
import { letterUrl, useCommitmentActions } from "./use-commitments";

/**
 * Terminations recorded, with their effective date and the fees due, explained (DSN-ORD-04,
 * MCR-ORD-02, MCR-ACC-06); staff record one from the letter's reception date; the letter itself
 * is written for the customer to send by registered post.
 */
export function TerminationSection({
  organisationId,
  view,
  canRecord,
}: {
  organisationId: string;
  view: CommitmentsView;
  canRecord: boolean;
}) {
  const { t } = useTranslation();
  const { date, money } = useLocaleFormat();
  const { terminate } = useCommitmentActions(organisationId);
  const [scope, setScope] = useState<"contract" | "service">("contract");
  const [service, setService] = useState<string | null>(null);
  // MCR: the contract's notice is in the general conditions, so staff give the effective date.
  const noticeElsewhere = view.termination.effectiveDateGiven;
  const running = view.subscriptions.filter((s) => s.endsOn === null && s.status !== "terminated");
  return (
    <Card withBorder component="section" aria-labelledby="terminations-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="terminations-title">
          {t("commitments.terminationsTitle")}
        </Title>
        {view.terminations.length === 0 && <Text size="sm">{t("commitments.noTermination")}</Text>}
        {view.terminations.map((termination) => (
          <Stack key={termination.id} gap={2}>
            <Group gap="xs">
              <Text fw={600}>{t(`commitments.scopes.${termination.scope}`)}</Text>
              <Text>{t("commitments.effectiveDate", { date: date(termination.effectiveDate) })}</Text>
              {termination.feesDue !== null && (
                <Text>{t("commitments.feesDue", { amount: money(termination.feesDue, view.currency) })}</Text>
              )}
              <ClauseTag clause={termination.clause} />
            </Group>
            <Text size="sm" c="dimmed">
              {termination.explanation}
            </Text>
          </Stack>
        ))}
        <Anchor href={letterUrl(organisationId)} download>
          {t("commitments.letter")}
        </Anchor>
        {canRecord && running.length > 0 && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              const effectiveDate = String(form.get("effectiveDate") ?? "");
              terminate.mutate({
                scope,
                noticeReceived: String(form.get("noticeReceived") ?? ""),
                ...(scope === "service" && service ? { subscriptionId: service } : {}),
                ...(effectiveDate ? { effectiveDate } : {}),
              });
            }}
          >
            <Stack gap="xs">
              <Title order={3} size="h4">
                {t("commitments.recordTitle")}
              </Title>
              <Group align="flex-end">
                <Select
                  label={t("commitments.scope")}
                  data={[
                    { value: "contract", label: t("commitments.scopes.contract") },
                    { value: "service", label: t("commitments.scopes.service") },
                  ]}
                  value={scope}
                  onChange={(value) => setScope(value === "service" ? "service" : "contract")}
                  allowDeselect={false}
                />
                {scope === "service" && (
                  <Select
                    label={t("commitments.service")}
                    data={running.map((s) => ({ value: s.id, label: s.name }))}
                    value={service}
                    onChange={setService}
                    allowDeselect={false}
                  />
                )}
                <TextInput
                  name="noticeReceived"
                  type="date"
                  required
                  label={t("commitments.noticeReceived")}
                />
                {noticeElsewhere && (
                  <TextInput
                    name="effectiveDate"
                    type="date"
                    required
                    label={t("commitments.effectiveDateInput")}
                  />
                )}
                <Button type="submit" loading={terminate.isPending}>
                  {t("commitments.recordSubmit")}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {terminate.data && (
          <Alert color="green" variant="light" role="status">
            {terminate.data.explanation}
          </Alert>
        )}
        <ErrorAlert error={terminate.error} withClause />
      </Stack>
    </Card>
  );
}
