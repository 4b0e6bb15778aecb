import { Button, Checkbox, NativeSelect, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { securityApi, securityKeys } from "../api/security-endpoints";
import type { IncidentBody } from "../api/security-types";
import type { Me } from "../api/types";
import { DeploymentTimeInput, useDeploymentTimeZone } from "../components/DeploymentTimeInput";
import { ErrorAlert } from "../components/ErrorAlert";
import { FormFooter } from "../components/FormFooter";
import { OrganisationSelect } from "../components/OrganisationSelect";
import { RecordTable } from "../components/RecordTable";
import { Section } from "../components/Section";
import { StatusBadge } from "../components/StatusBadge";
import { field, inputValueOf, localToIso } from "../form-data";
import { useLocaleFormat } from "../i18n/format";
import { can } from "../permissions";

const KINDS = ["malicious-activity", "vulnerability", "incident"] as const;

/**
 * Security incidents both ways (DSN-SEC-04, annex 2 §4): an operator's people report to the
 * provider, its security staff notify an operator; the other side's contact is mailed at once.
 */
export function IncidentsSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const queryClient = useQueryClient();
  const incidents = useQuery({ queryKey: securityKeys.incidents, queryFn: securityApi.incidents });
  const resolve = useMutation({
    mutationFn: securityApi.resolveIncident,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: securityKeys.incidents }),
  });
  const staff = can.securityStaff(me);
  return (
    <Section title={t("security.incidents.title")} intro={t("security.incidents.intro")}>
      <ErrorAlert error={incidents.error ?? resolve.error} />
      <IncidentForm staff={staff} />
      <RecordTable
        records={incidents.data}
        empty={t("security.incidents.empty")}
        headings={[
          t("security.incidents.reference"),
          ...(staff ? [t("security.incidents.operator")] : []),
          t("security.incidents.direction"),
          t("security.incidents.incidentTitle"),
          t("security.incidents.declaredAt"),
          t("security.incidents.state"),
        ]}
      >
        {(incident) => (
          <Table.Tr key={incident.id}>
            <Table.Td>{incident.reference}</Table.Td>
            {staff && <Table.Td>{incident.organisationName}</Table.Td>}
            <Table.Td>{t(`security.incidents.directions.${incident.direction}`)}</Table.Td>
            <Table.Td>
              <Text size="sm" fw={600}>
                {incident.title}
              </Text>
              <Text size="sm">
                {t(`security.incidents.kinds.${incident.kind}`)}
                {incident.serious ? ` — ${t("security.incidents.serious")}` : ""}
              </Text>
            </Table.Td>
            <Table.Td>{dateTime(incident.declaredAt)}</Table.Td>
            <Table.Td>
              <Stack gap={4} align="flex-start">
                {incident.suspendedAccess && (
                  <StatusBadge status="suspended" label={t("security.incidents.suspended")} />
                )}
                {incident.resolvedAt ? (
                  <Text size="sm">
                    {t("security.incidents.resolvedAt", { at: dateTime(incident.resolvedAt) })}
                  </Text>
                ) : staff ? (
                  <Button size="xs" variant="default" onClick={() => resolve.mutate(incident.id)}>
                    {t("security.incidents.resolve")}
                  </Button>
                ) : (
                  <Text size="sm">{t("security.incidents.open")}</Text>
                )}
              </Stack>
            </Table.Td>
          </Table.Tr>
        )}
      </RecordTable>
    </Section>
  );
}

function IncidentForm({ staff }: { staff: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string>();
  const [key, setKey] = useState(() => crypto.randomUUID());
  // When it was detected, typed in the deployment's named zone wherever the browser is (issue 13).
  const zone = useDeploymentTimeZone();
  const send = useMutation({
    mutationFn: ({ organisationId, body }: { organisationId: string; body: IncidentBody }) =>
      staff ? securityApi.notifyOperator(organisationId, body) : securityApi.declareIncident(body),
    onSuccess: (incident) => {
      void queryClient.invalidateQueries({ queryKey: securityKeys.incidents });
      setKey(crypto.randomUUID());
      setDone(
        t("security.incidents.sent", { reference: incident.reference, to: incident.notifiedTo.join(", ") }),
      );
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    send.mutate({
      organisationId: field(form, "organisationId"),
      body: {
        kind: (KINDS.find((k) => k === field(form, "kind")) ?? "incident") as IncidentBody["kind"],
        serious: form.get("serious") === "on",
        title: field(form, "title"),
        description: field(form, "description"),
        detectedAt: localToIso(field(form, "detectedAt"), zone),
        idempotencyKey: key,
      },
    });
  };
  const label = staff ? t("security.incidents.notify") : t("security.incidents.declare");
  return (
    <form onSubmit={submit} aria-label={label}>
      <Stack gap="xs">
        <Text fw={600}>{label}</Text>
        {staff && (
          <OrganisationSelect
            label={t("security.incidents.operator")}
            anyLabel={t("security.incidents.chooseOperator")}
            customersOnly
            required
          />
        )}
        <NativeSelect
          name="kind"
          label={t("security.incidents.kind")}
          data={KINDS.map((kind) => ({ value: kind, label: t(`security.incidents.kinds.${kind}`) }))}
        />
        <TextInput name="title" label={t("security.incidents.incidentTitle")} required minLength={3} />
        <Textarea
          name="description"
          label={t("security.incidents.description")}
          required
          minLength={3}
          autosize
          minRows={3}
        />
        <DeploymentTimeInput
          name="detectedAt"
          label={t("security.incidents.detectedAt")}
          defaultValue={inputValueOf(Date.now(), zone)}
          required
        />
        <Checkbox name="serious" label={t("security.incidents.serious")} />
        <FormFooter
          label={t("security.incidents.send")}
          pending={send.isPending}
          error={send.error}
          done={done}
        />
      </Stack>
    </form>
  );
}
