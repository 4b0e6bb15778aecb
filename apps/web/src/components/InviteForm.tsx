import { Alert, Checkbox, Group, NativeSelect, SimpleGrid, Stack } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import type { ContractRules, Locale, Role } from "../api/types";
import { checked, field } from "../form-data";
import { currentLocale } from "../i18n";
import { CheckboxFieldset } from "./CheckboxFieldset";
import { FormFooter } from "./FormFooter";
import { PersonNameFields, personNameOf } from "./PersonNameFields";

/**
 * Customer roles a person may hand out (MCR-ACC-02): those the contract offers, administrators any,
 * people given the right to invite only the plain ones (the server refuses the rest). Named
 * contacts are added with their contact details in their own section.
 */
export function invitableCustomerRoles(rules: ContractRules, administrator: boolean): Role[] {
  return rules.customerRoles.filter(
    (role) => role !== "named_contact" && (administrator || role !== "customer_admin"),
  );
}

/**
 * Invites a person into an organisation (MCR-ACC-01, MCR-ACC-02, DSN-ID-02): they receive a
 * single-use link to set their password. Only administrators may hand out the right to invite.
 */
export function InviteForm({
  organisationId,
  roles,
  allowCanInvite,
  canInviteClause,
  onInvited,
}: {
  organisationId: string;
  roles: readonly Role[];
  allowCanInvite: boolean;
  canInviteClause?: string;
  onInvited?: (email: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [rolesMissing, setRolesMissing] = useState(false);
  const invite = useMutation({
    mutationFn: (input: Parameters<typeof api.invite>[1]) => api.invite(organisationId, input),
    onSuccess: (_, input) => {
      void queryClient.invalidateQueries({ queryKey: keys.users(organisationId) });
      onInvited?.(input.email);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const chosen = checked(data, "roles", roles);
    setRolesMissing(chosen.length === 0);
    if (chosen.length === 0) return;
    invite.mutate(
      {
        ...personNameOf(data),
        roles: chosen,
        canInvite: allowCanInvite && data.get("canInvite") === "on",
        locale: field(data, "locale") as Locale,
      },
      { onSuccess: () => form.reset() },
    );
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <PersonNameFields />
        </SimpleGrid>
        <CheckboxFieldset
          legend={t("rights.invite.roles")}
          name="roles"
          options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        >
          {rolesMissing && (
            <Alert color="red" variant="light" role="alert" mt="xs">
              {t("rights.invite.rolesRequired")}
            </Alert>
          )}
        </CheckboxFieldset>
        <Group align="flex-end">
          {allowCanInvite && (
            <Checkbox
              name="canInvite"
              label={
                canInviteClause
                  ? `${t("rights.invite.canInvite")} (${canInviteClause})`
                  : t("rights.invite.canInvite")
              }
            />
          )}
          <NativeSelect
            name="locale"
            label={t("rights.invite.locale")}
            defaultValue={currentLocale()}
            data={[
              { value: "fr", label: "Français" },
              { value: "en", label: "English" },
            ]}
          />
        </Group>
        <FormFooter
          label={t("rights.invite.submit")}
          pending={invite.isPending}
          error={invite.error}
          done={invite.isSuccess ? t("rights.invite.sent", { email: invite.variables.email }) : undefined}
        />
      </Stack>
    </form>
  );
}
