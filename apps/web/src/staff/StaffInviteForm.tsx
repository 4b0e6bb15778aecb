import { Group, Stack } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { staffApi, staffKeys } from "../api/staff-endpoints";
import { PROVIDER_ROLES } from "../api/types";
import { FormFooter } from "../components/FormFooter";
import { PersonNameFields, personNameOf } from "../components/PersonNameFields";
import { chosenLanguage, MailLocaleSelect, RoleChoices, useRoleChoice } from "../components/RoleChoices";
import { field } from "../form-data";

/** Invites a member of the provider's team with provider roles: a single-use link (MCR-ACC-01). */
export function StaffInviteForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const choice = useRoleChoice(PROVIDER_ROLES);
  const invite = useMutation({
    mutationFn: staffApi.invite,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.list }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const roles = choice.read(data);
    if (!roles) return;
    invite.mutate(
      { ...personNameOf(data), roles, locale: chosenLanguage(field(data, "locale")) },
      { onSuccess: () => form.reset() },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <PersonNameFields />
        <RoleChoices legend={t("staff.roles")} roles={PROVIDER_ROLES} missing={choice.missing} />
        <Group>
          <MailLocaleSelect />
        </Group>
        <FormFooter
          label={t("staff.inviteSubmit")}
          pending={invite.isPending}
          error={invite.error}
          done={invite.isSuccess ? t("staff.invited", { email: invite.variables.email }) : undefined}
        />
      </Stack>
    </form>
  );
}
