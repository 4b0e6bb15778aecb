import { Checkbox } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import type { Role, UserView } from "../api/types";
import { RoleChoices, useRoleChoice } from "../components/RoleChoices";
import { DialogButton } from "../staff/DialogButton";

/** What the Rights page lets an administrator hand out: the contract's roles, and the right to invite where it has one. */
export interface RightsOffer {
  /** The roles offered, named contact aside (it has its own section, MCR-SUP-04). */
  roles: readonly Role[];
  /** The delegated-invitation clause (MCR-ACC-02); absent: the contract gives no such right. */
  canInviteClause?: string;
}

/**
 * Changes a person's roles and right to invite (MCR-ACC-03, MCR 6.1.2; issue 14). Being a named
 * contact stays as it is: it is added with its details in its own section. The server refuses
 * taking the role from the last administrator, and the dialog shows why.
 */
export function ChangeRightsButton({
  organisationId,
  user,
  name,
  offer,
}: {
  organisationId: string;
  user: UserView;
  name: string;
  offer: RightsOffer;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const choice = useRoleChoice(offer.roles);
  const change = useMutation({
    mutationFn: (body: { roles: Role[]; canInvite: boolean }) =>
      api.changeRights(organisationId, user.id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.users(organisationId) }),
  });
  const kept: Role[] = user.roles.includes("named_contact") ? ["named_contact"] : [];
  return (
    <DialogButton
      label={t("rights.users.changeRights")}
      ariaLabel={t("rights.users.changeRightsOf", { name })}
      title={t("rights.users.changeRightsOf", { name })}
      intro={t("rights.users.changeRightsIntro")}
      confirmLabel={t("rights.users.saveRights")}
      pending={change.isPending}
      error={change.error}
      onConfirm={async (data) => {
        const chosen = choice.read(data);
        if (!chosen) throw new Error("no role chosen");
        return change.mutateAsync({
          roles: [...chosen, ...kept],
          canInvite: Boolean(offer.canInviteClause) && data.get("canInvite") === "on",
        });
      }}
    >
      <RoleChoices
        legend={t("rights.invite.roles")}
        roles={offer.roles}
        missing={choice.missing}
        chosen={offer.roles.filter((role) => user.roles.includes(role))}
      />
      {offer.canInviteClause && (
        <Checkbox
          name="canInvite"
          defaultChecked={user.canInvite}
          label={`${t("rights.invite.canInvite")} (${offer.canInviteClause})`}
        />
      )}
    </DialogButton>
  );
}
