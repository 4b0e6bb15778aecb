import { Group, Paper, Stack, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import type { OutboxMessage } from "../api/types";
import { Allowed } from "../components/Allowed";
import { ErrorAlert } from "../components/ErrorAlert";
import { LoadMoreButton } from "../components/LoadMoreButton";
import { PageHeader } from "../components/PageHeader";
import { StatusBadge } from "../components/StatusBadge";
import { useLocaleFormat } from "../i18n/format";
import { can } from "../permissions";

/** The outbox (provider administrators, security officer): where the demo's mail is read without SMTP. */
export function OutboxPage() {
  return <Allowed when={can.viewOutbox}>{() => <Outbox />}</Allowed>;
}

function Outbox() {
  const { t } = useTranslation();
  const pages = useInfiniteQuery({
    queryKey: keys.outbox,
    queryFn: ({ pageParam }) => api.outbox(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const messages = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="md">
      <PageHeader title={t("outbox.title")} intro={t("outbox.intro")} />
      <ErrorAlert error={pages.error} />
      {pages.isSuccess && messages.length === 0 && <Text>{t("outbox.empty")}</Text>}
      <Stack gap="sm" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {messages.map((message) => (
          <MessageItem key={message.id} message={message} />
        ))}
      </Stack>
      <LoadMoreButton pages={pages} label={t("outbox.more")} />
    </Stack>
  );
}

function MessageItem({ message }: { message: OutboxMessage }) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  return (
    <Paper component="li" withBorder p="sm">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <Text fw={700}>{message.subject}</Text>
          <Text size="sm">
            {t("outbox.to", { to: message.to })} · {t("outbox.kind", { kind: message.kind })}
          </Text>
          <Text size="sm" c="dimmed">
            {t("outbox.created", { date: dateTime(message.createdAt) })} ·{" "}
            {t("outbox.attempts", { count: message.attempts })}
          </Text>
          {message.lastError && (
            <Text size="sm" c="red.9">
              {t("outbox.lastError", { error: message.lastError })}
            </Text>
          )}
        </Stack>
        <StatusBadge status={message.status} label={t(`outbox.statuses.${message.status}`)} />
      </Group>
      <details>
        <summary>{t("outbox.body")}</summary>
        <Text
          component="pre"
          size="sm"
          style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}
          data-testid="outbox-body"
        >
          {message.text}
        </Text>
      </details>
    </Paper>
  );
}
