import { Radio, Stack, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { DeskForm } from "../api/desk-types";
import type { Priority } from "../api/types";
import { useCalendarText } from "./calendar-text";

/**
 * The priority matrix for the customer's plan (MCR-SUP-05, MCR-SUP-06): each level's definition,
 * this plan's initial-response target and the hours it is counted in.
 */
function useMatrix(form: DeskForm) {
  const { t } = useTranslation();
  const calendarText = useCalendarText();
  return form.priorities.map((level) => {
    const target = level.target ?? t("desk.clock.noClock");
    const hours = calendarText(level.calendar);
    return {
      ...level,
      target,
      hours,
      option: t("desk.matrix.option", { label: level.label, target, hours }),
    };
  });
}

/** The matrix as a table, for the help page. */
export function PriorityMatrix({ form }: { form: DeskForm }) {
  const { t } = useTranslation();
  const matrix = useMatrix(form);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("desk.priority")}</Table.Th>
            <Table.Th scope="col">{t("desk.matrix.definition")}</Table.Th>
            <Table.Th scope="col">{t("desk.matrix.target", { plan: form.plan.name })}</Table.Th>
            <Table.Th scope="col">{t("desk.matrix.hours")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matrix.map((level) => (
            <Table.Tr key={level.key}>
              <Table.Th scope="row" style={{ whiteSpace: "nowrap" }}>
                {level.label}
              </Table.Th>
              <Table.Td>{level.definition}</Table.Td>
              <Table.Td>{level.target}</Table.Td>
              <Table.Td>{level.hours}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The matrix as the choice of a new request's priority: "P1 — Critique : < 30 min, 24x7". */
export function PriorityChoice({ form, name }: { form: DeskForm; name: string }) {
  const { t } = useTranslation();
  const matrix = useMatrix(form);
  return (
    <Radio.Group
      name={name}
      label={t("desk.priority")}
      description={`${t("desk.matrix.intro")} (${form.prioritiesClause})`}
      defaultValue={form.defaultPriority}
      required
    >
      <Stack gap="sm" mt="xs">
        {matrix.map((level) => (
          <Radio
            key={level.key}
            value={level.key satisfies Priority}
            label={level.option}
            description={level.definition}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}
