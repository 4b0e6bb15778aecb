import { Checkbox, Group, Stack } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import type { ContractRules, Role } from "../api/types";
import { field } from "../form-data";
import { FormFooter } from "./FormFooter";
import { PersonNameFields, personNameOf } from "./PersonNameFields";
import { chosenLanguage, MailLocaleSelect, RoleChoices, useRoleChoice } from "./RoleChoices";

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
  const choice = useRoleChoice(roles);
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
    const chosen = choice.read(data);
    if (!chosen) return;
    invite.mutate(
      {
        ...personNameOf(data),
        roles: chosen,
        canInvite: allowCanInvite && data.get("canInvite") === "on",
        locale: chosenLanguage(field(data, "locale")),
      },
      { onSuccess: () => form.reset() },
    );
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <PersonNameFields />
        <RoleChoices legend={t("rights.invite.roles")} roles={roles} missing={choice.missing} />
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
          <MailLocaleSelect />
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
