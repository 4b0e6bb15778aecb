import { Group } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { staffApi, staffKeys } from "../api/staff-endpoints";
import { PROVIDER_ROLES, type UserView } from "../api/types";
import { RoleChoices, useRoleChoice } from "../components/RoleChoices";
import { DialogButton } from "./DialogButton";

/**
 * What an administrator may do to a member of the team (issue 22), each audited by the server:
 * change roles, reset the second factor (a lost phone; never one's own), remove. `said` reports
 * what was done, for the page's notice.
 */
export function StaffActions({
  person,
  isMe,
  said,
}: {
  person: UserView;
  isMe: boolean;
  said: (text: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const name = `${person.firstName} ${person.lastName}`;
  /** After a change: the list again, and the page's notice saying what was done. */
  const done = (text: string) => () => {
    void queryClient.invalidateQueries({ queryKey: staffKeys.list });
    said(text);
  };
  const choice = useRoleChoice(PROVIDER_ROLES);
  const roles = useMutation({
    mutationFn: (chosen: Parameters<typeof staffApi.changeRoles>[1]) =>
      staffApi.changeRoles(person.id, chosen),
    onSuccess: done(t("staff.rolesChanged", { name })),
  });
  const reset = useMutation({
    mutationFn: () => staffApi.resetSecondFactor(person.id),
    onSuccess: done(t("staff.resetDone", { name })),
  });
  const remove = useMutation({
    mutationFn: () => staffApi.remove(person.id),
    onSuccess: done(t("staff.removed", { name })),
  });
  const providerRoles = PROVIDER_ROLES.filter((role) => person.roles.includes(role));
  return (
    <Group gap="xs">
      <DialogButton
        label={t("staff.changeRoles")}
        ariaLabel={t("staff.changeRolesOf", { name })}
        title={t("staff.changeRolesOf", { name })}
        intro={t("staff.changeRolesIntro")}
        confirmLabel={t("staff.saveRoles")}
        pending={roles.isPending}
        error={roles.error}
        onConfirm={async (data) => {
          const chosen = choice.read(data);
          if (!chosen) throw new Error("no role chosen");
          return roles.mutateAsync(chosen);
        }}
      >
        <RoleChoices
          legend={t("staff.roles")}
          roles={PROVIDER_ROLES}
          missing={choice.missing}
          chosen={providerRoles}
        />
      </DialogButton>
      {person.secondFactor && !isMe && (
        <DialogButton
          label={t("staff.resetSecondFactor")}
          ariaLabel={t("staff.resetSecondFactorOf", { name })}
          title={t("staff.resetSecondFactorOf", { name })}
          intro={t("staff.resetIntro", { name })}
          confirmLabel={t("staff.resetConfirm")}
          danger
          pending={reset.isPending}
          error={reset.error}
          onConfirm={() => reset.mutateAsync()}
        />
      )}
      {!isMe && (
        <DialogButton
          label={t("staff.remove")}
          ariaLabel={t("staff.removeOf", { name })}
          title={t("staff.removeOf", { name })}
          intro={t("staff.removeIntro", { name })}
          confirmLabel={t("staff.removeConfirm")}
          danger
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutateAsync()}
        />
      )}
    </Group>
  );
}
