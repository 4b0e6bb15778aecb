import { Button, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { securityApi, securityKeys } from "../api/security-endpoints";
import type { ContactBody, SecurityContact } from "../api/security-types";
import type { Me } from "../api/types";
import { ErrorAlert } from "../components/ErrorAlert";
import { FormFooter } from "../components/FormFooter";
import { RecordTable } from "../components/RecordTable";
import { Section } from "../components/Section";
import { field } from "../form-data";
import { useLocaleFormat } from "../i18n/format";
import { can } from "../permissions";

/**
 * Security contacts (DSN-SEC-04, annex 2 §4, §7): the provider's, kept by its security staff, and
 * each operator's, kept by its administrator, with when each was last confirmed current.
 */
export function ContactsSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const contacts = useQuery({ queryKey: securityKeys.contacts, queryFn: securityApi.contacts });
  const data = contacts.data;
  const own = data?.operators.find((o) => o.organisationId === me.organisationId);
  return (
    <Section title={t("security.contacts.title")} intro={t("security.contacts.intro")} clause={data?.clause}>
      <ErrorAlert error={contacts.error} />
      {data && (
        <Stack gap="md">
          <Text fw={600}>{t("security.contacts.provider")}</Text>
          {data.provider.contact ? (
            <ContactLine contact={data.provider.contact} />
          ) : (
            <Text>
              {data.provider.fallback?.kind === "contract"
                ? t("security.contacts.fallbackContract", { email: data.provider.fallback.email })
                : t("security.contacts.fallbackOfficers")}
            </Text>
          )}
          {can.securityStaff(me) && <ContactForm side="provider" contact={data.provider.contact} />}
          {me.organisationKind === "customer" && (
            <>
              <Text fw={600}>{t("security.contacts.own")}</Text>
              {own?.contact ? (
                <ContactLine contact={own.contact} />
              ) : (
                <Text>{t("security.contacts.none")}</Text>
              )}
              {can.keepOperatorSecurity(me) && (
                <ContactForm
                  side="operator"
                  organisationId={me.organisationId}
                  contact={own?.contact ?? null}
                />
              )}
            </>
          )}
          {can.securityStaff(me) && (
            <RecordTable
              records={data.operators}
              empty={t("security.contacts.missing")}
              headings={[
                t("security.contacts.operator"),
                t("security.contacts.contact"),
                t("security.contacts.confirmedAt"),
              ]}
              minWidth={560}
            >
              {(row) => (
                <Table.Tr key={row.organisationId}>
                  <Table.Td>{row.organisationName}</Table.Td>
                  <Table.Td>
                    {row.contact
                      ? `${row.contact.name} <${row.contact.email}>`
                      : t("security.contacts.missing")}
                  </Table.Td>
                  <Table.Td>{row.contact ? dateTime(row.contact.confirmedAt) : t("common.none")}</Table.Td>
                </Table.Tr>
              )}
            </RecordTable>
          )}
        </Stack>
      )}
    </Section>
  );
}

function ContactLine({ contact }: { contact: SecurityContact }) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  return (
    <Stack gap={2}>
      <Text>
        {contact.name} &lt;{contact.email}&gt; {contact.phone ?? ""}
      </Text>
      <Text size="sm">{t("security.contacts.lastConfirmed", { at: dateTime(contact.confirmedAt) })}</Text>
    </Stack>
  );
}

function ContactForm({
  side,
  organisationId = "",
  contact,
}: {
  side: "provider" | "operator";
  organisationId?: string;
  contact: SecurityContact | null;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string>();
  const refresh = (text: string) => {
    void queryClient.invalidateQueries({ queryKey: securityKeys.contacts });
    setDone(text);
  };
  const save = useMutation({
    mutationFn: (body: ContactBody) =>
      side === "provider"
        ? securityApi.saveProviderContact(body)
        : securityApi.saveOperatorContact(organisationId, body),
    onSuccess: () => refresh(t("security.contacts.saved")),
  });
  const confirm = useMutation({
    mutationFn: () =>
      side === "provider"
        ? securityApi.confirmProviderContact()
        : securityApi.confirmOperatorContact(organisationId),
    onSuccess: () => refresh(t("security.contacts.confirmed")),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    confirm.reset();
    save.mutate({
      name: field(form, "name"),
      email: field(form, "email"),
      phone: field(form, "phone") || null,
    });
  };
  const label = side === "provider" ? t("security.contacts.provider") : t("security.contacts.own");
  return (
    <form onSubmit={submit} aria-label={label}>
      <Stack gap="xs">
        <Group grow align="flex-start">
          <TextInput name="name" label={t("security.contacts.name")} defaultValue={contact?.name} required />
          <TextInput
            name="email"
            type="email"
            label={t("common.email")}
            defaultValue={contact?.email}
            required
          />
          <TextInput name="phone" label={t("security.contacts.phone")} defaultValue={contact?.phone ?? ""} />
        </Group>
        <FormFooter
          label={t("security.contacts.save")}
          pending={save.isPending}
          error={save.error}
          done={done}
        />
        {contact && (
          <Group>
            <Button variant="default" loading={confirm.isPending} onClick={() => confirm.mutate()}>
              {t("security.contacts.confirm")}
            </Button>
          </Group>
        )}
        <ErrorAlert error={confirm.error} />
      </Stack>
    </form>
  );
}
