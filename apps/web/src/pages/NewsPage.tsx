import {
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { newsApi, newsKeys } from "../api/news-endpoints";
import type { NewsBody, ReceivedNews, StaffNews } from "../api/news-types";
import { Allowed } from "../components/Allowed";
import { ClauseTag } from "../components/ClauseTag";
import { ErrorAlert } from "../components/ErrorAlert";
import { FormFooter } from "../components/FormFooter";
import { PageHeader } from "../components/PageHeader";
import { RecordTable } from "../components/RecordTable";
import { Section } from "../components/Section";
import { useLocaleFormat } from "../i18n/format";
import { can } from "../permissions";
import { useContract } from "../session";

/**
 * The news page (issue 18: DSN-POR-01, MCR 8.2.4): provider staff publish information for every
 * customer or a service's holders and follow who read it; a customer's people read their news and
 * leave a read receipt.
 */
export function NewsPage() {
  return (
    <Allowed when={(me) => can.readNews(me) || can.followNews(me)}>
      {(me) => (can.followNews(me) ? <Staff publishes={can.publishNews(me)} /> : <Received />)}
    </Allowed>
  );
}

function NewsHeading({ item }: { item: ReceivedNews | StaffNews }) {
  const { t } = useTranslation();
  const { date, dateTime } = useLocaleFormat();
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Title order={2} size="h4" id={`news-${item.id}`}>
          {item.title}
        </Title>
        {/* Filled dark shades keep white text above 4.5:1 (as StatusBadge). */}
        <Badge variant="filled" tt="none" color={item.category === "incident" ? "red.9" : "gray.8"}>
          {t(`news.categories.${item.category}`)}
        </Badge>
        <ClauseTag clause={item.clause} />
      </Group>
      <Text size="sm">
        {t("news.publishedAt", { at: dateTime(item.publishedAt) })} ·{" "}
        {item.serviceName ? t("news.forService", { service: item.serviceName }) : t("news.forEveryone")}
      </Text>
      {item.availableOn && <Text fw={600}>{t("news.availableFrom", { date: date(item.availableOn) })}</Text>}
      <Text style={{ whiteSpace: "pre-line" }}>{item.body}</Text>
    </Stack>
  );
}

/** A customer's news, latest first, each marked read once by the reader. */
function Received() {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const queryClient = useQueryClient();
  const news = useQuery({ queryKey: newsKeys.received, queryFn: newsApi.received });
  const read = useMutation({
    mutationFn: newsApi.read,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: newsKeys.all }),
  });
  return (
    <Stack gap="md">
      <PageHeader title={t("news.title")} intro={t("news.intro")} />
      <ErrorAlert error={news.error ?? read.error} />
      {news.data?.items.length === 0 && <Text>{t("news.empty")}</Text>}
      {news.data?.items.map((item) => (
        <Card key={item.id} withBorder component="article" aria-labelledby={`news-${item.id}`}>
          <Stack gap="xs">
            <NewsHeading item={item} />
            {item.readAt ? (
              <Text size="sm">{t("news.readAt", { at: dateTime(item.readAt) })}</Text>
            ) : (
              <Group>
                <Button
                  size="xs"
                  variant="default"
                  loading={read.isPending && read.variables === item.id}
                  onClick={() => read.mutate(item.id)}
                >
                  {t("news.markRead")}
                </Button>
              </Group>
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

/** Provider staff: the publication form, then every item with its read receipts. */
function Staff({ publishes }: { publishes: boolean }) {
  const { t } = useTranslation();
  const news = useQuery({ queryKey: newsKeys.staff, queryFn: newsApi.all });
  return (
    <Stack gap={0}>
      <PageHeader title={t("news.title")} intro={t("news.staffIntro")} />
      {publishes && (
        <Section title={t("news.publish")}>
          <PublishForm />
        </Section>
      )}
      <Section title={t("news.receipts")}>
        <ErrorAlert error={news.error} />
        {news.data?.items.length === 0 && <Text>{t("news.empty")}</Text>}
        {news.data?.items.map((item) => (
          <Card key={item.id} withBorder component="article" aria-labelledby={`news-${item.id}`} mb="md">
            <Stack gap="xs">
              <NewsHeading item={item} />
              <Receipts item={item} />
            </Stack>
          </Card>
        ))}
      </Section>
    </Stack>
  );
}

function Receipts({ item }: { item: StaffNews }) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  return (
    <RecordTable
      records={item.recipients}
      empty={t("news.empty")}
      headings={[t("news.organisation"), t("news.mailed"), t("news.readers")]}
      minWidth={560}
    >
      {(r) => (
        <Table.Tr key={r.organisationId}>
          <Table.Td>{r.organisationName}</Table.Td>
          <Table.Td>{r.mailed}</Table.Td>
          <Table.Td>
            {r.reads.length === 0
              ? t("news.nobodyRead")
              : r.reads
                  .map((read) => t("news.readBy", { name: read.name, at: dateTime(read.readAt) }))
                  .join(" ; ")}
          </Table.Td>
        </Table.Tr>
      )}
    </RecordTable>
  );
}

function PublishForm() {
  const { t } = useTranslation();
  const { label } = useLocaleFormat();
  const contract = useContract().data;
  const queryClient = useQueryClient();
  const [category, setCategory] = useState<NewsBody["category"]>("commercial");
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [done, setDone] = useState<string>();
  const publish = useMutation({
    mutationFn: newsApi.publish,
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: newsKeys.all });
      setKey(crypto.randomUUID());
      setDone(
        result.replayed
          ? t("news.replayed")
          : t("news.published", { recipients: result.recipients, mailed: result.mailed }),
      );
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    publish.mutate({
      category,
      title: text("title"),
      body: text("body"),
      catalogueItemId: text("audience") || null,
      availableOn: category === "availability" ? text("availableOn") || null : null,
      idempotencyKey: key,
    });
  };
  return (
    <form onSubmit={submit} aria-label={t("news.publish")}>
      <Stack maw={820}>
        <NativeSelect
          label={t("news.category")}
          value={category}
          onChange={(event) => setCategory(event.currentTarget.value as NewsBody["category"])}
          data={(["commercial", "technical", "availability", "incident"] as const).map((c) => ({
            value: c,
            label: t(`news.categories.${c}`),
          }))}
        />
        <NativeSelect
          name="audience"
          label={t("news.audience")}
          defaultValue=""
          data={[
            { value: "", label: t("news.everyone") },
            ...(contract?.catalogue ?? []).map((item) => ({
              value: item.id,
              label: t("news.holders", { service: label(item.name) }),
            })),
          ]}
        />
        <TextInput name="title" label={t("news.newsTitle")} required maxLength={200} />
        <Textarea name="body" label={t("news.body")} required autosize minRows={3} maxLength={5000} />
        {category === "availability" && (
          <TextInput name="availableOn" type="date" label={t("news.availableOn")} required />
        )}
        <FormFooter
          label={t("news.submit")}
          pending={publish.isPending}
          error={publish.error}
          done={done}
          withClause
        />
      </Stack>
    </form>
  );
}
