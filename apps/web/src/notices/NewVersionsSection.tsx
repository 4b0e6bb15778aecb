import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Answer } from "../api/paths";
import { ClauseTag } from "../components/ClauseTag";
import { RecordTable } from "../components/RecordTable";
import { Section } from "../components/Section";
import { useLocaleFormat } from "../i18n/format";
import { StandingText } from "./StandingText";

type NewVersion = Answer<"/api/organisations/{organisationId}/documents">["newVersions"][number];

/**
 * The new versions of the general conditions and their annexes announced to the customer, each
 * with whether it binds it (DSN 10.1, DSN-BIL-02): one awaiting its signature does not apply.
 */
export function NewVersionsSection({ versions }: { versions: NewVersion[] }) {
  const { t } = useTranslation();
  const { date } = useLocaleFormat();
  if (versions.length === 0) return null;
  return (
    <Section title={t("notices.newVersions.heading")} intro={t("notices.newVersions.intro")}>
      <RecordTable
        records={versions}
        empty=""
        headings={[
          t("notices.newVersions.title"),
          t("notices.newVersions.effectiveFrom"),
          t("notices.newVersions.standing"),
        ]}
      >
        {(version) => (
          <Table.Tr key={version.noticeId}>
            <Table.Td>
              {version.title} <ClauseTag clause={version.clause} />
            </Table.Td>
            <Table.Td>{date(version.effectiveFrom)}</Table.Td>
            <Table.Td>
              <StandingText standing={version.standing} />
            </Table.Td>
          </Table.Tr>
        )}
      </RecordTable>
    </Section>
  );
}
