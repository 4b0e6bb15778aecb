import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SlaFigures } from "../../api/desk-types";
import { useLocaleFormat } from "../../i18n/format";
import { useDurationText } from "../SlaBadge";

export interface FiguresRow {
  key: string;
  /** What the row is about: a priority ("P1 — Critique"), "Toutes priorités", a month. */
  label: string;
  figures: SlaFigures;
}

/**
 * Initial-response figures as a table, one row per priority or per month (MCR-SUP-06): tickets
 * counted, met, missed, still running, and the median and 90th percentile of the answered ones.
 */
export function FiguresTable({
  rows,
  rowHeader,
  caption,
  testId,
}: {
  rows: FiguresRow[];
  rowHeader: string;
  caption: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const { number } = useLocaleFormat();
  const duration = useDurationText();
  const minutes = (value: number | null) => (value === null ? t("common.none") : duration(value));
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="xs" captionSide="top" data-testid={testId}>
        <Table.Caption style={{ textAlign: "left" }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{rowHeader}</Table.Th>
            <Table.Th scope="col">{t("slaReport.counted")}</Table.Th>
            <Table.Th scope="col">{t("slaReport.met")}</Table.Th>
            <Table.Th scope="col">{t("slaReport.breached")}</Table.Th>
            <Table.Th scope="col">{t("slaReport.running")}</Table.Th>
            <Table.Th scope="col">{t("slaReport.median")}</Table.Th>
            <Table.Th scope="col">{t("slaReport.p90")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ key, label, figures }) => (
            <Table.Tr key={key}>
              <Table.Th scope="row" style={{ whiteSpace: "nowrap" }}>
                {label}
              </Table.Th>
              <Table.Td>{number(figures.counted)}</Table.Td>
              <Table.Td>{number(figures.met)}</Table.Td>
              <Table.Td>{number(figures.breached)}</Table.Td>
              <Table.Td>{number(figures.running)}</Table.Td>
              <Table.Td>{minutes(figures.medianMinutes)}</Table.Td>
              <Table.Td>{minutes(figures.p90Minutes)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
