import {
  Code,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import { securityApi, securityKeys } from "../api/security-endpoints";
import type { ClientCertificate } from "../api/security-types";
import { TOKEN_ROLES } from "../api/types";
import { CheckboxFieldset } from "../components/CheckboxFieldset";
import { ErrorAlert } from "../components/ErrorAlert";
import { FormFooter } from "../components/FormFooter";
import { RecordTable } from "../components/RecordTable";
import { RolesInForce } from "../components/RolesInForce";
import { Section } from "../components/Section";
import { StatusBadge } from "../components/StatusBadge";
import { checked, field } from "../form-data";
import { useLocaleFormat } from "../i18n/format";
import { RevokeCell, RevokedNotice, useRevocation } from "../rights/revocation";

/**
 * Client certificates of the integrated mode (DSN-SEC-03, "Certificat d'Authentification"): the
 * provider's security staff choose an operator, register a certificate of its machine (the PEM, or
 * its SHA-256 fingerprint) with the person answerable for it (DSN-SEC-01) and its roles, and revoke
 * it at once. Shown where the contract's integrated mode accepts certificates.
 */
export function CertificatesSection({ clause }: { clause: string }) {
  const { t } = useTranslation();
  const organisations = useQuery({ queryKey: keys.organisations, queryFn: api.organisations });
  const operators = (organisations.data ?? []).filter((o) => o.kind === "customer");
  const [organisationId, setOrganisationId] = useState("");
  return (
    <Section
      title={t("security.certificates.title")}
      intro={t("security.certificates.intro")}
      clause={clause}
    >
      <NativeSelect
        label={t("security.certificates.operator")}
        value={organisationId}
        onChange={(event) => setOrganisationId(event.currentTarget.value)}
        data={[
          { value: "", label: t("security.incidents.chooseOperator") },
          ...operators.map((o) => ({ value: o.id, label: o.name })),
        ]}
        maw={420}
      />
      {organisationId && <OperatorCertificates key={organisationId} organisationId={organisationId} />}
    </Section>
  );
}

function OperatorCertificates({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const queryClient = useQueryClient();
  const certificates = useQuery({
    queryKey: securityKeys.certificates(organisationId),
    queryFn: () => securityApi.certificates(organisationId),
  });
  const people = useQuery({ queryKey: keys.users(organisationId), queryFn: () => api.users(organisationId) });
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: securityKeys.certificates(organisationId) });
  const revoke = useRevocation((id) => securityApi.revokeCertificate(organisationId, id), refresh);
  const owners = new Map((people.data ?? []).map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
  const status = (c: ClientCertificate) =>
    c.revokedAt
      ? "revoked"
      : c.notAfter && new Date(c.notAfter).getTime() <= Date.now()
        ? "expired"
        : "active";
  return (
    <Stack gap="sm">
      <ErrorAlert error={certificates.error ?? revoke.error} withClause />
      <RevokedNotice revocation={revoke}>{t("security.certificates.revoked")}</RevokedNotice>
      <RecordTable
        records={certificates.data}
        empty={t("security.certificates.empty")}
        headings={[
          t("common.name"),
          t("security.certificates.owner"),
          t("security.certificates.fingerprint"),
          t("security.certificates.roles"),
          t("security.certificates.notAfter"),
          t("security.certificates.lastUsed"),
          t("common.status"),
          t("common.actions"),
        ]}
        minWidth={900}
      >
        {(c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              {c.name}
              {c.subject && (
                <Text size="xs" c="dimmed">
                  {c.subject}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{owners.get(c.ownerUserId) ?? "—"}</Table.Td>
            <Table.Td>
              <Code>{c.fingerprint256.slice(0, 23)}…</Code>
            </Table.Td>
            <Table.Td>
              <RolesInForce
                made={c.roles}
                inForce={c.rolesInForce}
                narrowed={c.narrowed}
                owner={{ name: owners.get(c.ownerUserId) ?? "—", active: c.ownerActive }}
              />
            </Table.Td>
            <Table.Td>{c.notAfter ? dateTime(c.notAfter) : "—"}</Table.Td>
            <Table.Td>{c.lastUsedAt ? dateTime(c.lastUsedAt) : t("common.never")}</Table.Td>
            <Table.Td>
              <StatusBadge status={status(c)} label={t(`status.${status(c)}`)} />
            </Table.Td>
            <RevokeCell
              revocation={revoke}
              id={c.id}
              active={status(c) === "active"}
              label={t("security.certificates.revokeLabel", { name: c.name })}
            >
              {t("security.certificates.revoke")}
            </RevokeCell>
          </Table.Tr>
        )}
      </RecordTable>
      <RegisterForm organisationId={organisationId} people={people.data ?? []} onDone={refresh} />
    </Stack>
  );
}

function RegisterForm({
  organisationId,
  people,
  onDone,
}: {
  organisationId: string;
  people: { id: string; firstName: string; lastName: string; status: string }[];
  onDone: () => unknown;
}) {
  const { t } = useTranslation();
  const [done, setDone] = useState<string>();
  const register = useMutation({
    mutationFn: (form: FormData) => {
      const pem = field(form, "certificatePem").trim();
      return securityApi.registerCertificate(organisationId, {
        name: field(form, "name"),
        ownerUserId: field(form, "ownerUserId"),
        roles: checked(form, "roles", TOKEN_ROLES),
        ...(pem ? { certificatePem: pem } : { fingerprint256: field(form, "fingerprint256") }),
      });
    },
    onSuccess: (certificate) => {
      void onDone();
      setDone(t("security.certificates.registered", { name: certificate.name }));
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    register.mutate(new FormData(form), { onSuccess: () => form.reset() });
  };
  return (
    <form onSubmit={submit} aria-label={t("security.certificates.register")}>
      <Stack gap="xs">
        <Text fw={600}>{t("security.certificates.register")}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            name="name"
            label={t("security.certificates.name")}
            required
            minLength={2}
            maxLength={200}
          />
          <NativeSelect
            name="ownerUserId"
            label={t("security.certificates.owner")}
            description={t("security.certificates.ownerHint")}
            required
            data={[
              { value: "", label: t("security.certificates.chooseOwner") },
              ...people
                .filter((p) => p.status === "active")
                .map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName}` })),
            ]}
          />
        </SimpleGrid>
        <CheckboxFieldset
          legend={t("security.certificates.roles")}
          name="roles"
          options={TOKEN_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          defaultChecked={["user"]}
        />
        <Textarea
          name="certificatePem"
          label={t("security.certificates.pem")}
          description={t("security.certificates.pemHint")}
          autosize
          minRows={3}
          styles={{ input: { fontFamily: "monospace" } }}
        />
        <Group grow>
          <TextInput
            name="fingerprint256"
            label={t("security.certificates.fingerprintInput")}
            maxLength={120}
          />
        </Group>
        <FormFooter
          label={t("security.certificates.registerSubmit")}
          pending={register.isPending}
          error={register.error}
          done={done}
          withClause
        />
      </Stack>
    </form>
  );
}
