import { Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CommitmentsView } from "../api/commitments-types";
import { ClauseTag } from "../components/ClauseTag";
import { ErrorAlert } from "../components/ErrorAlert";
import { Section } from "../components/Section";
import { useLocaleFormat } from "../i18n/format";
import { useCommitmentActions } from "./use-commitments";

/**
 * What a termination leaves the provider to do (MCR-ORD-02: notify each cloud vendor, whose own
 * commitments stay due), each marked done by staff. Shown to staff only (the server answers none
 * to a customer).
 */
export function StaffTasks({
  organisationId,
  view,
  canComplete,
}: {
  organisationId: string;
  view: CommitmentsView;
  canComplete: boolean;
}) {
  const { t } = useTranslation();
  const { date } = useLocaleFormat();
  const { completeTask } = useCommitmentActions(organisationId);
  if (view.tasks.length === 0) return null;
  return (
    <Section title={t("commitments.tasksTitle")}>
      {view.tasks.map((task) => (
        <Group key={task.id} gap="xs">
          <Text>{t("commitments.notifyVendor", { vendor: task.vendor ?? "" })}</Text>
          <ClauseTag clause={task.clause} />
          {task.doneAt ? (
            <Text size="sm" c="dimmed">
              {t("commitments.taskDoneOn", { date: date(task.doneAt.slice(0, 10)) })}
            </Text>
          ) : (
            canComplete && (
              <Button
                size="xs"
                variant="light"
                loading={completeTask.isPending}
                onClick={() => completeTask.mutate(task.id)}
              >
                {t("commitments.taskDone")}
              </Button>
            )
          )}
        </Group>
      ))}
      <ErrorAlert error={completeTask.error} />
    </Section>
  );
}
