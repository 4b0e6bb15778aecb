import { Alert, Button, Card, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CommitmentsView } from "../api/commitments-types";
import { ClauseTag } from "../components/ClauseTag";
import { ErrorAlert } from "../components/ErrorAlert";
import { useLocaleFormat } from "../i18n/format";
import { useCommitmentActions } from "./use-commitments";

/**
 * The plan in force, the change to come and the commitment's end, each explained with its clause;
 * a change asked for here is decided by the server (MCR-SUP-02), a refusal citing the earliest date.
 */
export function PlanSection({
  organisationId,
  view,
  canChange,
}: {
  organisationId: string;
  view: CommitmentsView;
  canChange: boolean;
}) {
  const { t } = useTranslation();
  const { date } = useLocaleFormat();
  const { changePlan, cancelPlanChange } = useCommitmentActions(organisationId);
  const [to, setTo] = useState<string | null>(null);
  const choices = view.planChoices.filter((p) => p.plan !== view.support.plan);
  return (
    <Card withBorder component="section" aria-labelledby="plan-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="plan-title">
          {t("commitments.planTitle")}
        </Title>
        <Group gap="xs">
          <Text fw={600}>{t("commitments.planInForce", { plan: view.support.planName })}</Text>
          <ClauseTag clause={view.support.clause} />
        </Group>
        <Text size="sm">
          {view.support.commitmentEnd
            ? t("commitments.commitmentEnd", { date: date(view.support.commitmentEnd) })
            : t("commitments.noCommitment")}
        </Text>
        <Text size="sm" c="dimmed">
          {view.support.explanation}
        </Text>
        {view.pendingChange && (
          <Alert color="blue" variant="light" title={t("commitments.pendingTitle")}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{view.pendingChange.explanation}</Text>
              {canChange && (
                // Issue 16: until its date the change may be withdrawn; the server refuses once it is in force.
                <Button
                  variant="default"
                  size="xs"
                  loading={cancelPlanChange.isPending}
                  onClick={() => cancelPlanChange.mutate(undefined, { onSuccess: () => changePlan.reset() })}
                >
                  {t("commitments.cancelChange", { date: date(view.pendingChange.effectiveFrom) })}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        {canChange && choices.length > 0 && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (to) changePlan.mutate(to);
            }}
          >
            <Group align="flex-end">
              <Select
                label={t("commitments.changeTo")}
                data={choices.map((p) => ({ value: p.plan, label: p.name }))}
                value={to}
                onChange={setTo}
                allowDeselect={false}
              />
              <Button type="submit" disabled={!to} loading={changePlan.isPending}>
                {t("commitments.changeSubmit")}
              </Button>
            </Group>
          </form>
        )}
        {changePlan.data && (
          <Alert color="green" variant="light" role="status">
            {changePlan.data.explanation}
          </Alert>
        )}
        {cancelPlanChange.data && (
          <Alert color="green" variant="light" role="status">
            {cancelPlanChange.data.explanation}
          </Alert>
        )}
        <ErrorAlert error={changePlan.error} withClause />
        <ErrorAlert error={cancelPlanChange.error} withClause />
      </Stack>
    </Card>
  );
}
