import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import type { AuditQuery } from "../api/types";
import { AuditResults } from "../audit/AuditResults";
import { clausesOf } from "../clauses";
import { Allowed } from "../components/Allowed";
import { ErrorAlert } from "../components/ErrorAlert";
import { OrganisationSelect } from "../components/OrganisationSelect";
import { PageHeader } from "../components/PageHeader";
import { Section } from "../components/Section";
import { field } from "../form-data";
import { can } from "../permissions";
import { useContract } from "../session";

/** The search, kept in the address so a result can be shared or reloaded. Days are local dates. */
export interface AuditSearch {
  email?: string;
  organisationId?: string;
  from?: string;
  to?: string;
}

const PAGE = 100;

/** Local days to the API's instants: from the start of `from` to the end of `to` (exclusive next midnight). */
function toQuery(search: AuditSearch): AuditQuery {
  const midnight = (day: string) => new Date(`${day}T00:00:00`);
  const nextMidnight = (day: string) => {
    const date = midnight(day);
    date.setDate(date.getDate() + 1);
    return date;
  };
  return {
    email: search.email,
    organisationId: search.organisationId,
    from: search.from ? midnight(search.from).toISOString() : undefined,
    to: search.to ? nextMidnight(search.to).toISOString() : undefined,
    limit: PAGE,
  };
}

/**
 * The security officer's search (DSN-SEC-01): who did what, with which identifier, when; a
 * customer's administrator finds its own organisation's audit chain here, to verify offline.
 */
export function AuditPage() {
  return (
    <Allowed when={(me) => can.searchAudit(me) || can.downloadOwnAuditChain(me)}>
      {(me) => (can.searchAudit(me) ? <Audit /> : <OwnChain organisationId={me.organisationId} />)}
    </Allowed>
  );
}

/** A customer's own audit chain, downloaded as a file and verified offline (README). */
function OwnChain({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const contract = useContract().data;
  return (
    <Stack gap="md">
      <PageHeader title={t("audit.title")} clause={contract && clausesOf(contract).audit} />
      <Section title={t("audit.chainTitle")}>
        <Stack>
          <Text>{t("audit.chainIntro")}</Text>
          <Group>
            <Button component="a" href={api.auditChainUrl(organisationId)} download>
              {t("audit.chainDownload")}
            </Button>
          </Group>
        </Stack>
      </Section>
    </Stack>
  );
}

function Audit() {
  const { t } = useTranslation();
  const search = useSearch({ from: "/session/journal" });
  const navigate = useNavigate();
  const contract = useContract().data;
  const organisations = useQuery({ queryKey: keys.organisations, queryFn: api.organisations });
  const periodInvalid = Boolean(search.from && search.to && search.to < search.from);
  const query = toQuery(search);
  const entries = useQuery({
    queryKey: keys.audit(query),
    queryFn: () => api.audit(query),
    enabled: !periodInvalid,
  });
  const names = new Map((organisations.data ?? []).map((o) => [o.id, o.name]));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => field(data, name) || undefined;
    void navigate({
      to: "/journal",
      search: {
        email: value("email"),
        organisationId: value("organisationId"),
        from: value("from"),
        to: value("to"),
      },
    });
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t("audit.title")}
        intro={t("audit.intro")}
        clause={contract && clausesOf(contract).audit}
      />
      <Section title={t("audit.criteria")}>
        {/* The key re-creates the form when the address changes, so its fields show the search in force. */}
        <form onSubmit={submit} key={JSON.stringify(search)}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <TextInput
                name="email"
                type="email"
                label={t("audit.person")}
                defaultValue={search.email ?? ""}
              />
              <OrganisationSelect
                label={t("audit.organisation")}
                anyLabel={t("audit.anyOrganisation")}
                defaultValue={search.organisationId}
              />
              <TextInput name="from" type="date" label={t("audit.from")} defaultValue={search.from ?? ""} />
              <TextInput name="to" type="date" label={t("audit.to")} defaultValue={search.to ?? ""} />
            </SimpleGrid>
            <Group>
              <Button type="submit">{t("audit.search")}</Button>
              {!periodInvalid && (
                <Anchor href={api.auditCsvUrl(query)} download="audit.csv">
                  {t("audit.export")}
                </Anchor>
              )}
              {search.organisationId && (
                <Anchor href={api.auditChainUrl(search.organisationId)} download>
                  {t("audit.chainOfOrganisation")}
                </Anchor>
              )}
            </Group>
          </Stack>
        </form>
      </Section>
      {periodInvalid && (
        <Alert color="red" variant="light" role="alert">
          {t("audit.periodInvalid")}
        </Alert>
      )}
      <ErrorAlert error={entries.error} />
      {entries.data && (
        <AuditResults
          entries={entries.data}
          limit={PAGE}
          organisationName={(id) => (id ? names.get(id) : undefined)}
        />
      )}
    </Stack>
  );
}
