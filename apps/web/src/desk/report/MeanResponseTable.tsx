import { Badge, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SlaMonth } from "../../api/desk-types";
import { useLocaleFormat } from "../../i18n/format";
import { CLOCK_COLOURS, useDurationText } from "../SlaBadge";
import { useDeskLabels } from "../vocabulary";

const HEADERS = [
  "slaReport.plan",
  "slaReport.priority",
  "slaReport.measured",
  "slaReport.mean",
  "slaReport.target",
  "slaReport.meanVerdict",
] as const;

/**
 * The mean initial response time of each plan and priority against its target (MCR-SUP-06: the
 * contract's MTTI is a "temps de réponse moyen"), met or not judged on the mean (issue 14).
 */
export function MeanResponseTable({ month }: { month: SlaMonth }) {
  const { t } = useTranslation();
  const { number, label, locale } = useLocaleFormat();
  const labels = useDeskLabels();
  const duration = useDurationText();
  if (month.meanResponse.length === 0) return <Text>{t("slaReport.meanNone")}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="xs" captionSide="top" data-testid="sla-mean">
        <Table.Caption style={{ textAlign: "left" }}>{t("slaReport.meanCaption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {HEADERS.map((key) => (
              <Table.Th scope="col" key={key}>
                {t(key)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {month.meanResponse.map((mean) => (
            <Table.Tr key={`${mean.plan}-${mean.priority}`}>
              <Table.Th scope="row">{label(mean.planName)}</Table.Th>
              <Table.Td>{labels.priority(mean.priority)}</Table.Td>
              <Table.Td>{number(mean.measured)}</Table.Td>
              <Table.Td>{mean.meanMinutes === null ? t("common.none") : duration(mean.meanMinutes)}</Table.Td>
              <Table.Td>{mean.target[locale]}</Table.Td>
              <Table.Td>
                {mean.met === null ? (
                  t("slaReport.meanPending")
                ) : (
                  <Badge
                    color={CLOCK_COLOURS[mean.met ? "met" : "breached"]}
                    variant="filled"
                    radius="sm"
                    tt="none"
                  >
                    {t(mean.met ? "slaReport.meanMet" : "slaReport.meanMissed")}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
