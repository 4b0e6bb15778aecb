import { currencySymbol } from "@guichet/domain/money";
import { Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Table, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { commercialApi, commercialKeys } from "../api/commercial-endpoints";
import type { NewSpecificConditions } from "../api/commercial-types";
import { noticesKeys } from "../api/notices-endpoints";
import { ErrorAlert } from "../components/ErrorAlert";
import { Notice } from "../components/Notice";
import { RecordTable } from "../components/RecordTable";
import { Section } from "../components/Section";
import { field } from "../form-data";
import { useLocaleFormat } from "../i18n/format";
import { useContract } from "../session";
import { GREEN } from "../theme";

const MONEY = "\\d{1,9}([.,]\\d{1,2})?";

/** "150,00" or "150.5" → 15050 cents (the field's pattern has checked the form). */
function centsOf(text: string): number {
  const [units, decimals = ""] = text.replace(",", ".").split(".");
  return Number(units) * 100 + Number(decimals.padEnd(2, "0"));
}

/**
 * The e-services' Conditions Spécifiques (issue 16; DSN art. 4.2, 6, 9, 14): every version with its
 * effective date, demo values marked as such, and a new version. First values apply directly; a
 * version replacing one in force for operators goes through the notice (DSN 10.2, DSN-BIL-01,
 * DSN-BIL-02) and the server's refusal, with its clause, is shown.
 */
export function SpecificConditionsSection() {
  const { t } = useTranslation();
  const { label } = useLocaleFormat();
  const contract = useContract().data;
  const eServices = (contract?.catalogue ?? []).filter((item) => item.kind === "e-service");
  const versions = useQuery({
    queryKey: commercialKeys.specificConditions,
    queryFn: commercialApi.specificConditions,
  });
  if (eServices.length === 0) return null;
  const names = new Map(eServices.map((item) => [item.id, label(item.name)]));
  return (
    <Section title={t("notices.conditions.title")}>
      <ErrorAlert error={versions.error} />
      <ConditionsTable versions={versions.data ?? []} names={names} />
      <ConditionsForm names={names} currency={contract?.currency ?? ""} />
    </Section>
  );
}

function ConditionsTable({
  versions,
  names,
}: {
  versions: NonNullable<Awaited<ReturnType<typeof commercialApi.specificConditions>>>;
  names: Map<string, string>;
}) {
  const { t } = useTranslation();
  const { date, money } = useLocaleFormat();
  const headings = [
    "item",
    "effectiveFrom",
    "document",
    "price",
    "minimum",
    "termination",
    "maintenance",
    "change",
  ];
  return (
    <RecordTable
      records={versions}
      empty={t("notices.conditions.empty")}
      headings={headings.map((h) => t(`notices.conditions.${h}` as "notices.conditions.item"))}
      minWidth={880}
    >
      {(v) => (
        <Table.Tr key={`${v.catalogueItemId}-${v.effectiveFrom}`}>
          <Table.Td>{names.get(v.catalogueItemId) ?? v.catalogueItemId}</Table.Td>
          <Table.Td>
            <Group gap={4}>
              {date(v.effectiveFrom)}
              {v.inForce && (
                <Badge variant="filled" color={GREEN} tt="none">
                  {t("notices.conditions.inForce")}
                </Badge>
              )}
            </Group>
          </Table.Td>
          <Table.Td>
            <Group gap={4}>
              {v.documentTitle} — {v.documentVersion}
              {v.demo && (
                <Badge variant="filled" color="gray.8" tt="none">
                  {t("notices.conditions.demo")}
                </Badge>
              )}
            </Group>
          </Table.Td>
          <Table.Td>{money(v.monthlyPrice, v.currency)}</Table.Td>
          <Table.Td>{t("notices.conditions.months", { count: v.minimumMonths })}</Table.Td>
          <Table.Td>{t("notices.conditions.months", { count: v.terminationNoticeMonths })}</Table.Td>
          <Table.Td>{t("notices.conditions.days", { count: v.maintenanceNoticeDays })}</Table.Td>
          <Table.Td>
            {v.changeNoticeMonths === null
              ? t("notices.conditions.undefined")
              : t("notices.conditions.months", { count: v.changeNoticeMonths })}
          </Table.Td>
        </Table.Tr>
      )}
    </RecordTable>
  );
}

function ConditionsForm({ names, currency }: { names: Map<string, string>; currency: string }) {
  const { t } = useTranslation();
  const { date } = useLocaleFormat();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string>();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const record = useMutation({
    mutationFn: (body: NewSpecificConditions) => commercialApi.recordSpecificConditions(body),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: commercialKeys.specificConditions });
      void queryClient.invalidateQueries({ queryKey: noticesKeys.all });
      setKey(crypto.randomUUID());
      const noticed = result.noticed;
      setDone(
        noticed
          ? t("notices.conditions.noticed", {
              date: date(noticed.change.effectiveFrom),
              notices: noticed.notices,
              mailed: noticed.mailed,
            })
          : t("notices.conditions.direct"),
      );
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const whole = (name: string) => Number(field(data, name));
    const changeNotice = field(data, "changeNoticeMonths");
    setDone(undefined);
    record.mutate({
      catalogueItemId: field(data, "catalogueItemId"),
      effectiveFrom: field(data, "effectiveFrom"),
      documentTitle: field(data, "documentTitle"),
      documentVersion: field(data, "documentVersion"),
      monthlyPriceCents: centsOf(field(data, "monthlyPrice")),
      minimumMonths: whole("minimumMonths"),
      terminationNoticeMonths: whole("terminationNoticeMonths"),
      maintenanceNoticeDays: whole("maintenanceNoticeDays"),
      changeNoticeMonths: changeNotice === "" ? null : Number(changeNotice),
      idempotencyKey: key,
    });
  };
  const number = (name: string, max: number, required = true) => (
    <TextInput
      name={name}
      type="number"
      min={0}
      max={max}
      step={1}
      required={required}
      label={t(`notices.conditions.field.${name}` as "notices.conditions.field.minimumMonths")}
    />
  );
  return (
    <form onSubmit={submit} aria-label={t("notices.conditions.record")}>
      <Stack mt="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            name="catalogueItemId"
            label={t("notices.conditions.item")}
            data={[...names].map(([value, name]) => ({ value, label: name }))}
          />
          <TextInput
            name="effectiveFrom"
            type="date"
            required
            label={t("notices.conditions.effectiveFrom")}
          />
          <TextInput
            name="documentTitle"
            required
            maxLength={200}
            label={t("notices.conditions.field.documentTitle")}
          />
          <TextInput
            name="documentVersion"
            required
            maxLength={100}
            label={t("notices.conditions.field.documentVersion")}
          />
          <TextInput
            name="monthlyPrice"
            required
            inputMode="decimal"
            pattern={MONEY}
            label={t("notices.conditions.field.monthlyPrice", { currency: currencySymbol(currency) })}
            description={t("notices.conditions.field.monthlyPriceHint")}
          />
          {number("minimumMonths", 120)}
          {number("terminationNoticeMonths", 36)}
          {number("maintenanceNoticeDays", 365)}
          {number("changeNoticeMonths", 36, false)}
        </SimpleGrid>
        <ErrorAlert error={record.error} withClause />
        <Notice text={done} onClose={() => setDone(undefined)} />
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending}>
            {t("notices.conditions.record")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
