import { Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../api/types";
import { StatusBadge } from "../components/StatusBadge";
import { useLocaleFormat } from "../i18n/format";

/** Audit entries, newest first: when, who, what (with its data), for which organisation, how. */
export function AuditResults({
  entries,
  limit,
  organisationName,
}: {
  entries: AuditEntry[];
  /** The page size asked for: a full page means older entries were left out. */
  limit: number;
  organisationName: (id: string | null) => string | undefined;
}) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  return (
    <Stack gap="xs" aria-live="polite">
      <Text fw={700}>{t("audit.results", { count: entries.length })}</Text>
      {entries.length === limit && <Text size="sm">{t("audit.limited", { limit })}</Text>}
      {entries.length === 0 ? (
        <Text>{t("audit.empty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("audit.at")}</Table.Th>
                <Table.Th scope="col">{t("audit.actor")}</Table.Th>
                <Table.Th scope="col">{t("audit.action")}</Table.Th>
                <Table.Th scope="col">{t("audit.organisation")}</Table.Th>
                <Table.Th scope="col">{t("audit.outcome")}</Table.Th>
                <Table.Th scope="col">{t("audit.via")}</Table.Th>
                <Table.Th scope="col">{t("audit.ip")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.seq}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{dateTime(entry.at)}</Table.Td>
                  <Table.Td>{entry.actorLabel}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {entry.summary}
                    </Text>
                    {entry.details.map((detail) => (
                      <Text key={detail.label} size="xs" style={{ wordBreak: "break-word" }}>
                        {t("audit.detail", { label: detail.label, value: detail.value })}
                      </Text>
                    ))}
                    <Text size="xs" c="dimmed" ff="monospace">
                      {entry.action}
                    </Text>
                  </Table.Td>
                  <Table.Td>{organisationName(entry.organisationId) ?? t("common.none")}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={entry.outcome} label={t(`audit.outcomes.${entry.outcome}`)} />
                  </Table.Td>
                  <Table.Td>{entry.via}</Table.Td>
                  <Table.Td>{entry.ip ?? t("common.none")}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
