import { Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { noticesApi, noticesKeys } from "../api/notices-endpoints";
import { useDeploymentTimeZone } from "../components/DeploymentTimeInput";
import { inputValueOf } from "../form-data";
import { useLocaleFormat } from "../i18n/format";
import { CardLine, DashboardCard, useSeen } from "./DashboardCard";

const SHOWN = 4;

/**
 * Changes with notice announced by the provider (issue 18): signatures customers still owe on a
 * new version (DSN 10.1), and notices whose change is yet to take effect (MCR-BIL-05, DSN-BIL-01).
 */
function useChanges(seen: boolean) {
  return useQuery({ queryKey: noticesKeys.changes, queryFn: noticesApi.changes, enabled: seen });
}

/** The signatures customers still owe, with the next reminder the sweep will send (DSN 10.1). */
export function SignaturesCard() {
  const { t } = useTranslation();
  const { date } = useLocaleFormat();
  const { ref, seen } = useSeen<HTMLElement>();
  const changes = useChanges(seen);
  const awaiting = (changes.data?.items ?? []).filter((listed) => listed.awaitingSignatures > 0);
  const total = awaiting.reduce((sum, listed) => sum + listed.awaitingSignatures, 0);
  return (
    <DashboardCard
      title={t("home.cards.signatures")}
      to="/changements"
      state={{ pending: changes.isPending, error: changes.error }}
      cardRef={ref}
    >
      <Stack gap={6}>
        <Text size="sm">
          {total === 0 ? t("home.cards.noSignature") : t("home.cards.signatureCount", { count: total })}
        </Text>
        {awaiting.slice(0, SHOWN).map((listed) => {
          const next = listed.recipients
            .map((recipient) => recipient.nextReminderAt)
            .filter((at): at is string => Boolean(at))
            .sort()[0];
          return (
            <CardLine key={listed.change.id}>
              {t(next ? "home.cards.signatureLineReminder" : "home.cards.signatureLine", {
                title: listed.change.title,
                count: listed.awaitingSignatures,
                date: next ? date(next) : "",
              })}
            </CardLine>
          );
        })}
      </Stack>
    </DashboardCard>
  );
}

/** Changes announced whose date is still to come, with how many customers have not read their notice. */
export function NoticesDueCard() {
  const { t } = useTranslation();
  const { date } = useLocaleFormat();
  const { ref, seen } = useSeen<HTMLElement>();
  const changes = useChanges(seen);
  // Today in the deployment's zone, as the contract counts days ("2026-12-06").
  const day = inputValueOf(Date.now(), useDeploymentTimeZone()).slice(0, 10);
  const coming = (changes.data?.items ?? [])
    .filter((listed) => listed.change.effectiveFrom >= day)
    .sort((a, b) => a.change.effectiveFrom.localeCompare(b.change.effectiveFrom));
  return (
    <DashboardCard
      title={t("home.cards.noticesDue")}
      to="/changements"
      state={{ pending: changes.isPending, error: changes.error }}
      cardRef={ref}
    >
      <Stack gap={6}>
        <Text size="sm">
          {coming.length === 0
            ? t("home.cards.noChangeDue")
            : t("home.cards.changeDueCount", { count: coming.length })}
        </Text>
        {coming.slice(0, SHOWN).map((listed) => (
          <CardLine key={listed.change.id}>
            {t("home.cards.changeDueLine", {
              title: listed.change.title,
              date: date(listed.change.effectiveFrom),
              unread: listed.recipients.filter((recipient) => !recipient.readAt).length,
            })}
          </CardLine>
        ))}
      </Stack>
    </DashboardCard>
  );
}
