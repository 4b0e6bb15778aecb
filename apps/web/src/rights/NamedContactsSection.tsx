import { Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import type { NamedContactQuota } from "../api/types";
import { ErrorAlert } from "../components/ErrorAlert";
import { FormFooter } from "../components/FormFooter";
import { PersonNameFields, personNameOf } from "../components/PersonNameFields";
import { Section } from "../components/Section";
import { field } from "../form-data";
import { currentLanguage } from "../i18n";
import { useLocaleFormat } from "../i18n/format";

/**
 * Named contacts, the only people who may open tickets, within the support plan's limit
 * (MCR-SUP-04): "2 / 2 — offre Standard". Over the limit the server refuses and says why.
 */
export function NamedContactsSection({ organisationId, desk }: { organisationId: string; desk: string }) {
  const { t } = useTranslation();
  const { label } = useLocaleFormat();
  const queryClient = useQueryClient();
  const quota = useQuery({
    queryKey: keys.namedContacts(organisationId),
    queryFn: () => api.namedContactQuota(organisationId),
  });
  const users = useQuery({ queryKey: keys.users(organisationId), queryFn: () => api.users(organisationId) });
  const contacts = (users.data ?? []).filter(
    (user) => user.namedContact && user.status !== "revoked" && user.status !== "deactivated",
  );
  const add = useMutation({
    mutationFn: (input: Parameters<typeof api.addNamedContact>[1]) =>
      api.addNamedContact(organisationId, input),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.namedContacts(organisationId) }),
        queryClient.invalidateQueries({ queryKey: keys.users(organisationId) }),
      ]),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    add.mutate(
      {
        ...personNameOf(data),
        jobTitle: field(data, "jobTitle"),
        phone: field(data, "phone"),
        availability: field(data, "availability"),
        locale: currentLanguage(),
      },
      { onSuccess: () => form.reset() },
    );
  };

  return (
    <Section title={t("rights.namedContacts.heading")} intro={t("rights.namedContacts.intro", { desk })}>
      <ErrorAlert error={quota.error ?? users.error} />
      {quota.data && <QuotaLine quota={quota.data} />}
      {contacts.length === 0 ? (
        <Text>{t("rights.namedContacts.empty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("common.name")}</Table.Th>
                <Table.Th scope="col">{t("rights.namedContacts.jobTitle")}</Table.Th>
                <Table.Th scope="col">{t("common.email")}</Table.Th>
                <Table.Th scope="col">{t("rights.namedContacts.phone")}</Table.Th>
                <Table.Th scope="col">{t("rights.namedContacts.availability")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contacts.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td>
                    {user.firstName} {user.lastName}
                  </Table.Td>
                  <Table.Td>{user.namedContact?.jobTitle}</Table.Td>
                  <Table.Td>{user.email}</Table.Td>
                  <Table.Td>{user.namedContact?.phone}</Table.Td>
                  <Table.Td>{user.namedContact?.availability}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Title order={3} size="h4">
        {t("rights.namedContacts.addHeading")}
      </Title>
      <form onSubmit={submit}>
        <Stack>
          <PersonNameFields>
            <TextInput name="jobTitle" label={t("rights.namedContacts.jobTitle")} required />
            <TextInput name="phone" type="tel" label={t("rights.namedContacts.phone")} required />
            <TextInput
              name="availability"
              label={t("rights.namedContacts.availability")}
              description={t("rights.namedContacts.availabilityHint")}
              required
            />
          </PersonNameFields>
          <FormFooter
            disabledReason={fullReason(quota.data, t, quota.data ? label(quota.data.planName) : "")}
            label={t("rights.namedContacts.add")}
            pending={add.isPending}
            error={add.error}
            done={add.isSuccess ? t("rights.namedContacts.added", { email: add.variables.email }) : undefined}
          />
        </Stack>
      </form>
    </Section>
  );
}

/** Why no named contact can be added: the plan has none, or its limit is reached (MCR-SUP-04). */
function fullReason(quota: NamedContactQuota | undefined, t: TFunction, plan: string): string | undefined {
  if (!quota) return undefined;
  const values = { plan, clause: quota.clause, limit: quota.limit };
  if (!quota.applies) return t("rights.namedContacts.notApplicable", values);
  if (quota.limit !== "unlimited" && quota.current >= quota.limit)
    return t("rights.namedContacts.full", values);
  return undefined;
}

function QuotaLine({ quota }: { quota: NamedContactQuota }) {
  const { t } = useTranslation();
  const { label } = useLocaleFormat();
  const values = { current: quota.current, plan: label(quota.planName), clause: quota.clause };
  return (
    <Stack gap={2}>
      <Text fw={700} data-testid="named-contact-quota">
        <Text span fw={400}>
          {t("rights.namedContacts.quotaLabel")}{" "}
        </Text>
        {!quota.applies
          ? t("rights.namedContacts.quotaNotApplicable", values)
          : quota.limit === "unlimited"
            ? t("rights.namedContacts.quotaUnlimited", values)
            : t("rights.namedContacts.quota", { ...values, limit: quota.limit })}
      </Text>
    </Stack>
  );
}
