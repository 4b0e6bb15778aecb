import { Button, Checkbox, Group, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { securityApi, securityKeys } from "../api/security-endpoints";
import type { SecurityAudit } from "../api/security-types";
import type { Me } from "../api/types";
import { ErrorAlert } from "../components/ErrorAlert";
import { FormFooter } from "../components/FormFooter";
import { OrganisationSelect } from "../components/OrganisationSelect";
import { ReasonDialogButton } from "../components/ReasonDialogButton";
import { RecordTable } from "../components/RecordTable";
import { Section } from "../components/Section";
import { StatusBadge } from "../components/StatusBadge";
import { field } from "../form-data";
import { useLocaleFormat } from "../i18n/format";
import { can } from "../permissions";

/**
 * Audits of an operator's resources (DSN-SEC-05, annex 2 §5): staff record one with its scope; a
 * non-conformity makes the remediation plan due (its date, and "En retard" once past); the
 * operator's administrator files it once, staff approve it.
 */
export function AuditsSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { date } = useLocaleFormat();
  const queryClient = useQueryClient();
  const audits = useQuery({ queryKey: securityKeys.audits, queryFn: securityApi.audits });
  const [done, setDone] = useState<string>();
  const approve = useMutation({
    mutationFn: securityApi.approvePlan,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: securityKeys.audits });
      setDone(t("security.audits.approved"));
    },
  });
  const staff = can.securityStaff(me);
  const clause = audits.data?.[0]?.clause;
  return (
    <Section title={t("security.audits.title")} intro={t("security.audits.intro")} clause={clause}>
      <ErrorAlert error={audits.error ?? approve.error} withClause />
      {done && <Text role="status">{done}</Text>}
      {staff && <AuditForm />}
      <RecordTable
        records={audits.data}
        empty={t("security.audits.empty")}
        headings={[
          t("security.audits.reference"),
          ...(staff ? [t("security.audits.operator")] : []),
          t("security.audits.scope"),
          t("security.audits.reportOn"),
          t("security.audits.dueOn"),
          t("security.audits.state"),
        ]}
      >
        {(audit) => (
          <Table.Tr key={audit.id}>
            <Table.Td>{audit.reference}</Table.Td>
            {staff && <Table.Td>{audit.organisationName}</Table.Td>}
            <Table.Td>
              <Text size="sm" fw={600}>
                {audit.scope}
              </Text>
              <Text size="sm" style={{ whiteSpace: "pre-line" }}>
                {audit.findings}
              </Text>
            </Table.Td>
            <Table.Td>{date(audit.reportOn)}</Table.Td>
            <Table.Td>{audit.planDueOn ? date(audit.planDueOn) : t("common.none")}</Table.Td>
            <Table.Td>
              <Stack gap={4} align="flex-start">
                <StatusBadge status={audit.state} label={t(`security.audits.states.${audit.state}`)} />
                {staff && audit.state === "filed" && (
                  <Group gap="xs">
                    <Button size="xs" loading={approve.isPending} onClick={() => approve.mutate(audit.id)}>
                      {t("security.audits.approve")}
                    </Button>
                    <RejectPlanButton audit={audit} onDone={() => setDone(t("security.audits.rejected"))} />
                  </Group>
                )}
              </Stack>
            </Table.Td>
          </Table.Tr>
        )}
      </RecordTable>
      {audits.data?.map((audit) =>
        audit.planRejectedAt && audit.planRejectionReason ? (
          <Text key={`${audit.id}-rejected`} size="sm" style={{ whiteSpace: "pre-line" }}>
            {t("security.audits.rejectedWas", {
              reference: audit.reference,
              date: date(audit.planRejectedAt),
              reason: audit.planRejectionReason,
            })}
          </Text>
        ) : null,
      )}
      {audits.data?.map((audit) =>
        audit.plan ? (
          <Text key={audit.id} size="sm" style={{ whiteSpace: "pre-line" }}>
            {audit.reference} : {audit.plan}
          </Text>
        ) : can.keepOperatorSecurity(me) && (audit.state === "due" || audit.state === "overdue") ? (
          <PlanForm key={audit.id} audit={audit} />
        ) : null,
      )}
    </Section>
  );
}

function PlanForm({ audit }: { audit: SecurityAudit }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const file = useMutation({
    mutationFn: (plan: string) => securityApi.filePlan(audit.id, plan),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: securityKeys.audits }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    file.mutate(field(new FormData(event.currentTarget), "plan"));
  };
  return (
    <form onSubmit={submit} aria-label={t("security.audits.file")}>
      <Stack gap="xs">
        <Textarea
          name="plan"
          label={t("security.audits.plan", { reference: audit.reference })}
          required
          minLength={10}
          autosize
          minRows={3}
        />
        <FormFooter
          label={t("security.audits.file")}
          pending={file.isPending}
          error={file.error}
          withClause
        />
      </Stack>
    </form>
  );
}

function AuditForm() {
  const { t } = useTranslation();
  const { date } = useLocaleFormat();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string>();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const record = useMutation({
    mutationFn: ({ organisationId, form }: { organisationId: string; form: FormData }) =>
      securityApi.recordAudit(organisationId, {
        scope: field(form, "scope"),
        auditor: field(form, "auditor"),
        reportOn: field(form, "reportOn"),
        findings: field(form, "findings"),
        nonConformity: form.get("nonConformity") === "on",
        idempotencyKey: key,
      }),
    onSuccess: (audit) => {
      void queryClient.invalidateQueries({ queryKey: securityKeys.audits });
      setKey(crypto.randomUUID());
      setDone(
        audit.planDueOn
          ? t("security.audits.recordedDue", { reference: audit.reference, date: date(audit.planDueOn) })
          : t("security.audits.recorded", { reference: audit.reference }),
      );
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    record.mutate({ organisationId: field(form, "organisationId"), form });
  };
  return (
    <form onSubmit={submit} aria-label={t("security.audits.record")}>
      <Stack gap="xs">
        <Text fw={600}>{t("security.audits.record")}</Text>
        <OrganisationSelect
          label={t("security.audits.operator")}
          anyLabel={t("security.incidents.chooseOperator")}
          customersOnly
          required
        />
        <Group grow align="flex-start">
          <TextInput name="scope" label={t("security.audits.scope")} required minLength={3} />
          <TextInput name="auditor" label={t("security.audits.auditor")} required minLength={2} />
          <TextInput name="reportOn" type="date" label={t("security.audits.reportOn")} required />
        </Group>
        <Textarea
          name="findings"
          label={t("security.audits.findings")}
          required
          minLength={3}
          autosize
          minRows={2}
        />
        <Checkbox name="nonConformity" label={t("security.audits.nonConformity")} defaultChecked />
        <FormFooter
          label={t("security.audits.save")}
          pending={record.isPending}
          error={record.error}
          done={done}
          withClause
        />
      </Stack>
    </form>
  );
}

/** DSN-SEC-05: the provider refuses a filed plan with its reason; the operator owes a revised one. */
function RejectPlanButton({ audit, onDone }: { audit: SecurityAudit; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const reject = useMutation({
    mutationFn: (reason: string) => securityApi.rejectPlan(audit.id, reason),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: securityKeys.audits }),
  });
  return (
    <ReasonDialogButton
      label={t("security.audits.reject")}
      ariaLabel={t("security.audits.rejectLabel", { reference: audit.reference })}
      title={t("security.audits.rejectTitle", { reference: audit.reference })}
      intro={t("security.audits.rejectIntro")}
      clause={audit.clause}
      reasonHint={t("security.audits.rejectReason")}
      confirmLabel={t("security.audits.rejectConfirm")}
      danger
      maxLength={4000}
      pending={reject.isPending}
      error={reject.error}
      onConfirm={(reason, close) =>
        reject.mutate(reason, {
          onSuccess: () => {
            close();
            onDone();
          },
        })
      }
    />
  );
}
