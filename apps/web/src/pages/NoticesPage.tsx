import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { noticesApi, noticesKeys } from "../api/notices-endpoints";
import type { NoticeView } from "../api/notices-types";
import type { Me } from "../api/types";
import { Allowed } from "../components/Allowed";
import { ClauseTag } from "../components/ClauseTag";
import { ErrorAlert } from "../components/ErrorAlert";
import { Notice } from "../components/Notice";
import { PageHeader } from "../components/PageHeader";
import { useLocaleFormat } from "../i18n/format";
import { StandingText } from "../notices/StandingText";
import { can } from "../permissions";

/**
 * A customer's notices of changes (issue 18): the durable copy in the portal, the letter to
 * download when the clause says "par écrit" (MCR-BIL-05, DSN-BIL-01, DSN-BIL-02), the signature of
 * a new version, and the termination without penalty a harmful change opens until its date (DSN 10.2).
 */
export function NoticesPage() {
  return <Allowed when={can.readNotices}>{(me) => <Notices me={me} />}</Allowed>;
}

function Notices({ me }: { me: Me }) {
  const { t } = useTranslation();
  const notices = useQuery({ queryKey: noticesKeys.notices, queryFn: noticesApi.notices });
  const [done, setDone] = useState<string>();
  return (
    <Stack gap="md">
      <PageHeader title={t("notices.noticesTitle")} intro={t("notices.noticesIntro")} />
      <ErrorAlert error={notices.error} />
      <Notice text={done} onClose={() => setDone(undefined)} />
      {notices.data?.items.length === 0 && <Text>{t("notices.noticesEmpty")}</Text>}
      {notices.data?.items.map((notice) => (
        <NoticeCard
          key={notice.id}
          notice={notice}
          acknowledges={can.acknowledgeNotices(me)}
          answers={can.answerNotices(me)}
          onDone={setDone}
        />
      ))}
    </Stack>
  );
}

function NoticeCard({
  notice,
  acknowledges,
  answers,
  onDone,
}: {
  notice: NoticeView;
  /** The customer's own people mark a notice read; an agent acting in its tenant only reads it. */
  acknowledges: boolean;
  answers: boolean;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const { date, dateTime } = useLocaleFormat();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: noticesKeys.all });
  const read = useMutation({ mutationFn: () => noticesApi.read(notice.id), onSuccess: refresh });
  const sign = useMutation({ mutationFn: () => noticesApi.sign(notice.id), onSuccess: refresh });
  const [confirming, setConfirming] = useState<string>();
  const terminate = useMutation({
    mutationFn: (subscriptionId: string) => noticesApi.terminate(notice.id, subscriptionId),
    onSuccess: (decision) => {
      refresh();
      setConfirming(undefined);
      onDone(
        `${t("notices.terminated", { date: date(decision.effectiveDate ?? "") })} ${decision.explanation}`,
      );
    },
  });
  const { change } = notice;
  return (
    <Card withBorder component="article" aria-labelledby={`notice-${notice.id}`}>
      <Stack gap="xs">
        <Group gap="xs">
          <Title order={2} size="h4" id={`notice-${notice.id}`}>
            {change.title}
          </Title>
          {/* Filled dark shades keep white text above 4.5:1 (as StatusBadge). */}
          <Badge variant="filled" tt="none" color={notice.direction === "increase" ? "red.9" : "blue.9"}>
            {t(`notices.directions.${notice.direction}`)}
          </Badge>
          <ClauseTag clause={notice.clause} />
        </Group>
        <Text fw={600}>{t("notices.effective", { date: date(change.effectiveFrom) })}</Text>
        <Text size="sm">{t("notices.madeAvailableAt", { at: dateTime(notice.madeAvailableAt) })}</Text>
        {change.prices.map((p) => (
          <Text key={p.priceKey}>
            {p.label} : {p.words}
          </Text>
        ))}
        <Text style={{ whiteSpace: "pre-line" }}>{change.body}</Text>
        <Group gap="md">
          {notice.letterSha256 && (
            <Anchor href={noticesApi.letterUrl(notice.id)} download>
              {t("notices.downloadLetter")}
            </Anchor>
          )}
          {notice.readAt ? (
            <Text size="sm">{t("notices.readAt", { at: dateTime(notice.readAt) })}</Text>
          ) : (
            acknowledges && (
              <Button size="xs" variant="default" loading={read.isPending} onClick={() => read.mutate()}>
                {t("notices.markRead")}
              </Button>
            )
          )}
        </Group>
        {notice.signatureRequired &&
          (notice.signedAt ? (
            <Text size="sm">{t("notices.signedAt", { at: dateTime(notice.signedAt) })}</Text>
          ) : answers ? (
            <Group>
              <Button size="sm" loading={sign.isPending} onClick={() => sign.mutate()}>
                {t("notices.sign")}
              </Button>
            </Group>
          ) : (
            <Text size="sm">{t("notices.awaitingSignature")}</Text>
          ))}
        {notice.signatureRequired && <StandingText standing={notice.standing} />}
        <ErrorAlert error={sign.error ?? read.error} withClause />
        {answers && notice.terminable.length > 0 && (
          <Stack gap="xs">
            <Text size="sm">{t("notices.terminateIntro", { date: date(change.effectiveFrom) })}</Text>
            {notice.terminable.map((service) =>
              confirming === service.subscriptionId ? (
                <Group key={service.subscriptionId}>
                  <Button
                    color="red"
                    loading={terminate.isPending}
                    onClick={() => terminate.mutate(service.subscriptionId)}
                  >
                    {t("notices.terminateConfirm", { service: service.name })}
                  </Button>
                  <Button variant="default" onClick={() => setConfirming(undefined)}>
                    {t("common.cancel")}
                  </Button>
                </Group>
              ) : (
                <Group key={service.subscriptionId}>
                  <Button variant="outline" color="red" onClick={() => setConfirming(service.subscriptionId)}>
                    {t("notices.terminate", { service: service.name })}
                  </Button>
                </Group>
              ),
            )}
            <ErrorAlert error={terminate.error} withClause />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
