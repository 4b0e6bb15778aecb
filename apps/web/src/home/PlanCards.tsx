import { Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import type { Me, PlanChannels } from "../api/types";
import { useCommitments } from "../commitments/use-commitments";
import { ClauseTag } from "../components/ClauseTag";
import { useDeskLabels } from "../desk/vocabulary";
import { useLocaleFormat } from "../i18n/format";
import { useContract } from "../session";
import { CardLine, DashboardCard, useSeen } from "./DashboardCard";

/** The channels a plan opens, as the contract gives them (MCR-SUP-03, DSN-SUP-01, DSN-SUP-08). */
function useChannelText() {
  const { t } = useTranslation();
  const labels = useDeskLabels();
  return (channels: PlanChannels) =>
    [
      channels.portal && t("home.cards.channels.portal"),
      channels.email.accept === "always" && t("home.cards.channels.email"),
      channels.email.accept === "when-portal-unavailable" && t("home.cards.channels.emailFallback"),
      channels.phone &&
        t("home.cards.channels.phone", {
          priorities: channels.phone.priorities.map(labels.priority).join(", "),
        }),
    ].filter((text): text is string => Boolean(text));
}

/** The support plan in force, a change to come, and the channels it opens (MCR-SUP-02, MCR-SUP-03). */
export function PlanCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { date } = useLocaleFormat();
  const contract = useContract().data;
  const channelText = useChannelText();
  const { ref, seen } = useSeen<HTMLElement>();
  const view = useCommitments(me.organisationId, seen);
  const support = view.data?.support;
  const plan = contract?.supportPlans.find((candidate) => candidate.id === support?.plan);
  const change = view.data?.pendingChange;
  return (
    <DashboardCard
      title={t("home.cards.plan")}
      to="/abonnements"
      state={{ pending: view.isPending, error: view.error }}
      cardRef={ref}
    >
      {support && (
        <Stack gap={6}>
          <CardLine strong>{support.planName}</CardLine>
          {support.since && <CardLine>{t("home.cards.since", { date: date(support.since) })}</CardLine>}
          {change && (
            <CardLine>
              {t("home.cards.planChange", { plan: change.planName, date: date(change.effectiveFrom) })}
            </CardLine>
          )}
          {plan && (
            <>
              <Text size="sm" fw={600} mt={4}>
                {t("home.cards.channels.title")}
              </Text>
              {channelText(plan.channels).map((line) => (
                <CardLine key={line}>{line}</CardLine>
              ))}
              <ClauseTag clause={plan.channels.clause} />
            </>
          )}
        </Stack>
      )}
    </DashboardCard>
  );
}

/** The services subscribed and their state (issue 16). */
export function SubscriptionsCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { date } = useLocaleFormat();
  const { ref, seen } = useSeen<HTMLElement>();
  const view = useCommitments(me.organisationId, seen);
  const subscriptions = (view.data?.subscriptions ?? []).filter((s) => s.status !== "terminated");
  return (
    <DashboardCard
      title={t("home.cards.subscriptions")}
      to="/abonnements"
      state={{ pending: view.isPending, error: view.error }}
      cardRef={ref}
    >
      <Stack gap={6}>
        <Text size="sm">{t("home.cards.subscriptionCount", { count: subscriptions.length })}</Text>
        {subscriptions.slice(0, 5).map((subscription) => (
          <CardLine key={subscription.id}>
            {t(subscription.status === "suspended" ? "home.cards.suspendedSince" : "home.cards.activeSince", {
              name: subscription.name,
              date: date(subscription.startsOn),
            })}
          </CardLine>
        ))}
      </Stack>
    </DashboardCard>
  );
}

/** Named contacts used out of the plan's limit (MCR-SUP-04); "N/A" where the plan has none. */
export function NamedContactsCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { ref, seen } = useSeen<HTMLElement>();
  const quota = useQuery({
    queryKey: keys.namedContacts(me.organisationId),
    queryFn: () => api.namedContactQuota(me.organisationId),
    enabled: seen,
  });
  const data = quota.data;
  return (
    <DashboardCard
      title={t("home.cards.namedContacts")}
      to="/droits"
      state={{ pending: quota.isPending, error: quota.error }}
      cardRef={ref}
    >
      {data && (
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {!data.applies
              ? t("home.cards.noNamedContacts")
              : data.limit === "unlimited"
                ? t("home.cards.namedUnlimited", { count: data.current })
                : t("home.cards.namedUsed", { current: data.current, limit: data.limit })}
          </Text>
          {data.applies && data.limit !== "unlimited" && data.current >= data.limit && (
            <Text size="sm">{t("home.cards.namedFull")}</Text>
          )}
          <ClauseTag clause={data.clause} />
        </Stack>
      )}
    </DashboardCard>
  );
}
