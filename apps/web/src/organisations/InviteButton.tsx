import { Button } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import type { OrganisationView } from "../api/types";
import { Dialog } from "../components/Dialog";
import { InviteForm, invitableCustomerRoles } from "../components/InviteForm";
import { useContract } from "../session";

/** The provider invites a customer's first people on its behalf, e.g. its administrator (MCR-ACC-01, MCR-ACC-04). */
export function InviteButton({
  organisation,
  administrator,
}: {
  organisation: OrganisationView;
  /** Provider administrators may make customer administrators; account managers may not. */
  administrator: boolean;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const rules = useContract().data?.rules;
  const { name } = organisation;
  if (!rules) return null;
  return (
    <>
      <Button
        size="xs"
        variant="default"
        onClick={open}
        aria-label={t("organisations.inviteLabel", { name })}
      >
        {t("organisations.invite")}
      </Button>
      <Dialog opened={opened} onClose={close} size="xl" title={t("organisations.inviteTitle", { name })}>
        <InviteForm
          organisationId={organisation.id}
          roles={invitableCustomerRoles(rules, administrator)}
          allowCanInvite={administrator && Boolean(rules.delegatedInvitation)}
          canInviteClause={rules.delegatedInvitation}
        />
      </Dialog>
    </>
  );
}
