import { currencySymbol } from "@guichet/domain/money";
import { Badge, Button, Group, NativeSelect, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { noticesApi, noticesKeys } from "../api/notices-endpoints";
import type { ChangeBody, ChangeListed, ChangeOptions } from "../api/notices-types";
import { Allowed } from "../components/Allowed";
import { ClauseTag } from "../components/ClauseTag";
import { ErrorAlert } from "../components/ErrorAlert";
import { Notice } from "../components/Notice";
import { PageHeader } from "../components/PageHeader";
import { RecordTable } from "../components/RecordTable";
import { Section } from "../components/Section";
import { useLocaleFormat } from "../i18n/format";
import { priceTermsText } from "../notices/price-terms";
import { SpecificConditionsSection } from "../notices/SpecificConditionsSection";
import { can } from "../permissions";

/** Changes with notice (issue 18: MCR-BIL-05, DSN-BIL-01, DSN-BIL-02): announce, and follow each recipient. */
export function ChangesPage() {
  return <Allowed when={can.announceChanges}>{() => <Changes />}</Allowed>;
}

function Changes() {
  const { t } = useTranslation();
  const options = useQuery({ queryKey: noticesKeys.options, queryFn: noticesApi.options });
  const changes = useQuery({ queryKey: noticesKeys.changes, queryFn: noticesApi.changes });
  return (
    <Stack gap="md">
      <PageHeader title={t("notices.changesTitle")} intro={t("notices.changesIntro")} />
      <Section title={t("notices.announce")}>
        <ErrorAlert error={options.error} />
        {options.data && <AnnounceForm options={options.data} />}
      </Section>
      <SpecificConditionsSection />
      <Section title={t("notices.list")}>
        <ErrorAlert error={changes.error} />
        {changes.data?.items.length === 0 && <Text>{t("notices.empty")}</Text>}
        {changes.data?.items.map((listed) => (
          <ChangeRecipients key={listed.change.id} listed={listed} />
        ))}
      </Section>
    </Stack>
  );
}

function AnnounceForm({ options }: { options: ChangeOptions }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const { date } = format;
  const queryClient = useQueryClient();
  const [kind, setKind] = useState(options.kinds[0]?.kind ?? "price");
  const [priceKey, setPriceKey] = useState(options.prices[0]?.priceKey ?? "");
  const [done, setDone] = useState<string>();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const rule = options.kinds.find((k) => k.kind === kind);
  const price = options.prices.find((p) => p.priceKey === priceKey);
  const bodyOf = (form: HTMLFormElement): ChangeBody => {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const prices =
      kind !== "price" || !price
        ? []
        : price.target === "support"
          ? [
              {
                priceKey,
                ...(text("percent") ? { percent: text("percent").replace(",", ".") } : {}),
                ...(text("monthlyMinimum")
                  ? { monthlyMinimum: text("monthlyMinimum").replace(",", ".") }
                  : {}),
              },
            ]
          : [{ priceKey, monthlyPrice: text("monthlyPrice").replace(",", ".") }];
    return { kind, title: text("title"), body: text("body"), effectiveFrom: text("effectiveFrom"), prices };
  };
  const preview = useMutation({
    mutationFn: noticesApi.preview,
    onSuccess: (planned) =>
      setDone(t("notices.previewed", { earliest: date(planned.earliest), count: planned.recipients.length })),
  });
  const announce = useMutation({
    mutationFn: (body: ChangeBody) => noticesApi.announce({ ...body, idempotencyKey: key }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: noticesKeys.all });
      setKey(crypto.randomUUID());
      setDone(
        result.replayed
          ? t("notices.replayed")
          : t("notices.published", { notices: result.notices, mailed: result.mailed }),
      );
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    preview.reset();
    announce.mutate(bodyOf(event.currentTarget));
  };
  const earliest = rule?.earliest;
  return (
    <form onSubmit={submit} aria-label={t("notices.announce")}>
      <Stack>
        <NativeSelect
          label={t("notices.kind")}
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value as typeof kind)}
          data={options.kinds.map((k) => ({ value: k.kind, label: t(`notices.kinds.${k.kind}`) }))}
        />
        {rule && (
          <Group gap="xs">
            <Text size="sm">
              {rule.signature
                ? t("notices.signature")
                : kind === "price"
                  ? t("notices.earliest", {
                      increase: earliest?.increase ? date(earliest.increase) : "—",
                      decrease: earliest?.decrease ? date(earliest.decrease) : "—",
                    })
                  : t("notices.earliestTerms", { date: earliest?.increase ? date(earliest.increase) : "—" })}
            </Text>
            <ClauseTag clause={rule.clause} />
          </Group>
        )}
        {kind === "price" && (
          <>
            <NativeSelect
              label={t("notices.price")}
              value={priceKey}
              onChange={(event) => setPriceKey(event.currentTarget.value)}
              data={options.prices.map((p) => ({
                value: p.priceKey,
                label: `${p.label} (${t("notices.current", { terms: priceTermsText(p.current, t, format, options.currency) })})`,
              }))}
            />
            {price?.target === "support" ? (
              <Group grow>
                <TextInput name="percent" label={t("notices.percent")} inputMode="decimal" />
                <TextInput
                  name="monthlyMinimum"
                  label={t("notices.monthlyMinimum", { currency: currencySymbol(options.currency) })}
                  inputMode="decimal"
                />
              </Group>
            ) : (
              <TextInput
                name="monthlyPrice"
                label={t("notices.monthlyPrice", { currency: currencySymbol(options.currency) })}
                inputMode="decimal"
                required
              />
            )}
          </>
        )}
        <TextInput name="title" label={t("notices.changeTitle")} required maxLength={200} />
        <Textarea name="body" label={t("notices.body")} required autosize minRows={3} maxLength={5000} />
        <TextInput name="effectiveFrom" type="date" label={t("notices.effectiveFrom")} required />
        <ErrorAlert error={announce.error ?? preview.error} withClause />
        <Notice text={done} onClose={() => setDone(undefined)} />
        <Group justify="flex-end">
          <Button
            variant="default"
            loading={preview.isPending}
            onClick={(event) => {
              const form = event.currentTarget.form;
              if (form?.reportValidity()) {
                announce.reset();
                preview.mutate(bodyOf(form));
              }
            }}
          >
            {t("notices.preview")}
          </Button>
          <Button type="submit" loading={announce.isPending}>
            {t("notices.publish")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ChangeRecipients({ listed }: { listed: ChangeListed }) {
  const { t } = useTranslation();
  const { date, dateTime } = useLocaleFormat();
  const { change } = listed;
  const headings = ["organisation", "direction", "madeAvailable", "mailed", "read", "signed"] as const;
  return (
    <Stack gap="xs" mb="md">
      <Group gap="xs">
        <Text fw={600}>{change.title}</Text>
        <Badge variant="filled" color="gray.8" tt="none">
          {t(`notices.kinds.${change.kind}`)}
        </Badge>
        <Text size="sm">{t("notices.effective", { date: date(change.effectiveFrom) })}</Text>
        <ClauseTag clause={change.clause} />
      </Group>
      {listed.awaitingSignatures > 0 && (
        <Text size="sm" fw={600}>
          {t("notices.awaitingSignatures", { count: listed.awaitingSignatures })}
        </Text>
      )}
      {change.prices.map((p) => (
        <Text size="sm" key={p.priceKey}>
          {p.label} : {p.words}
        </Text>
      ))}
      <RecordTable
        records={listed.recipients}
        empty={t("notices.empty")}
        headings={headings.map((h) => t(`notices.${h}`))}
        minWidth={640}
      >
        {(r) => (
          <Table.Tr key={r.noticeId}>
            <Table.Td>{r.organisationName}</Table.Td>
            <Table.Td>{t(`notices.directions.${r.direction}`)}</Table.Td>
            <Table.Td>{dateTime(r.madeAvailableAt)}</Table.Td>
            <Table.Td>{r.mailed}</Table.Td>
            <Table.Td>{r.readAt ? dateTime(r.readAt) : t("notices.notRead")}</Table.Td>
            <Table.Td>{r.signatureRequired ? <SignatureCell recipient={r} /> : "—"}</Table.Td>
          </Table.Tr>
        )}
      </RecordTable>
    </Stack>
  );
}

/** Who has not signed yet (DSN 10.1), with the reminders sent and the next one. */
function SignatureCell({ recipient: r }: { recipient: ChangeListed["recipients"][number] }) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  if (r.signedAt) return <>{dateTime(r.signedAt)}</>;
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {t("notices.notSigned")}
      </Text>
      {r.standing.state === "awaiting-signature" && <Text size="xs">{t("notices.notSignedNotApplied")}</Text>}
      {r.lastRemindedAt && (
        <Text size="xs">{t("notices.reminded", { count: r.reminders, at: dateTime(r.lastRemindedAt) })}</Text>
      )}
      {r.nextReminderAt && (
        <Text size="xs">{t("notices.nextReminder", { at: dateTime(r.nextReminderAt) })}</Text>
      )}
    </Stack>
  );
}
