import { Anchor, Badge, Card, Group, List, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ordersApi, ordersKeys } from "../api/orders-endpoints";
import type { Answer } from "../api/paths";
import type { Me } from "../api/types";
import { Allowed } from "../components/Allowed";
import { ClauseTag } from "../components/ClauseTag";
import { ErrorAlert } from "../components/ErrorAlert";
import { PageHeader } from "../components/PageHeader";
import { RecordTable } from "../components/RecordTable";
import { useLocaleFormat } from "../i18n/format";
import { NewVersionsSection } from "../notices/NewVersionsSection";
import { CustomerChoice, organisationOf } from "../orders/use-customer-choice";
import { can } from "../permissions";
import { GREEN } from "../theme";

export interface DocumentsSearch {
  organisationId?: string;
}

/** A customer's contractual documents with versions and order of precedence (GEN-03, DSN art. 3). */
export function DocumentsPage() {
  const search = useSearch({ from: "/session/documents" });
  return <Allowed when={can.viewOrders}>{(me) => <Documents me={me} search={search} />}</Allowed>;
}

function Documents({ me, search }: { me: Me; search: DocumentsSearch }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { label, date } = useLocaleFormat();
  const organisationId = organisationOf(me, search.organisationId);
  const documents = useQuery({
    queryKey: ordersKeys.documents(organisationId ?? ""),
    queryFn: () => ordersApi.documents(organisationId ?? ""),
    enabled: Boolean(organisationId),
  });
  const precedence = documents.data?.precedence;
  const headings = ["rank", "kind", "document", "version", "date"] as const;
  return (
    <Stack gap="md">
      <PageHeader title={t("documents.title")} intro={t("documents.intro")} />
      <CustomerChoice
        me={me}
        organisationId={organisationId}
        placeholder={t("orders.chooseCustomer")}
        onChange={(value) =>
          void navigate({ to: "/documents", search: value ? { organisationId: value } : {} })
        }
      />
      <ErrorAlert error={documents.error} />
      {precedence && (
        <Group gap="xs">
          <Text size="sm">
            {t("documents.precedence", { order: precedence.order.map((o) => label(o)).join(" > ") })}
          </Text>
          <ClauseTag clause={precedence.clause} />
        </Group>
      )}
      <RecordTable
        records={documents.data?.documents}
        empty={t("documents.empty")}
        headings={headings.map((heading) => t(`documents.${heading}`))}
        minWidth={700}
      >
        {(doc) => (
          <Table.Tr key={`${doc.kind}-${doc.title}-${doc.date}`}>
            <Table.Td>{doc.rank ?? "—"}</Table.Td>
            <Table.Td>{t(`documents.kinds.${doc.kind}`)}</Table.Td>
            <Table.Td>
              {doc.url ? (
                <Anchor href={doc.url} target="_blank" rel="noreferrer">
                  {doc.title}
                </Anchor>
              ) : (
                doc.title
              )}
              {doc.demo && (
                <Badge ml="xs" color="orange" variant="light">
                  {t("documents.demo")}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{doc.version}</Table.Td>
            <Table.Td>{doc.date ? date(doc.date.slice(0, 10)) : "—"}</Table.Td>
          </Table.Tr>
        )}
      </RecordTable>
      {documents.data && <NewVersionsSection versions={documents.data.newVersions} />}
      {documents.data && <ContractVersions versions={documents.data.contractVersions} />}
    </Stack>
  );
}

type ContractVersionView =
  Answer<"/api/organisations/{organisationId}/documents">["contractVersions"][number];

/** The contract file's versions the customer is bound by, latest first, with what changed (GEN-01). */
function ContractVersions({ versions }: { versions: ContractVersionView[] }) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  return (
    <Stack gap="xs" component="section" aria-labelledby="contract-versions">
      <Title order={2} size="h3" id="contract-versions">
        {t("news.versionsTitle")}
      </Title>
      <Text size="sm">{t("news.versionsIntro")}</Text>
      {versions.map((version) => (
        <Card key={version.id} withBorder>
          <Group gap="xs">
            <Text fw={600}>
              {t("news.versionLabel", { version: version.version })}
              {version.edition ? ` — ${version.edition}` : ""}
            </Text>
            {version.inForce && (
              <Badge variant="filled" color={GREEN} tt="none">
                {t("news.inForce")}
              </Badge>
            )}
          </Group>
          <Text size="sm">{t("news.effectiveAt", { at: dateTime(version.effectiveAt) })}</Text>
          {version.changes.length === 0 ? (
            <Text size="sm">{t("news.firstVersion")}</Text>
          ) : (
            <List size="sm">
              {version.changes.map((change) => (
                <List.Item key={change}>{change}</List.Item>
              ))}
            </List>
          )}
        </Card>
      ))}
    </Stack>
  );
}
