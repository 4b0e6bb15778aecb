import { Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import { type ContractSummary, TOKEN_ROLES } from "../api/types";
import { clausesOf } from "../clauses";
import { Allowed } from "../components/Allowed";
import { InviteForm, invitableCustomerRoles } from "../components/InviteForm";
import { PageHeader } from "../components/PageHeader";
import { Section } from "../components/Section";
import { useLocaleFormat } from "../i18n/format";
import { can } from "../permissions";
import { ApiTokensSection } from "../rights/ApiTokensSection";
import { NamedContactsSection } from "../rights/NamedContactsSection";
import { SupportGrantsSection } from "../rights/SupportGrantsSection";
import { UsersSection } from "../rights/UsersSection";
import { useContract } from "../session";

/**
 * "Droits": a customer administrator manages the organisation's people and access (MCR-ACC-03);
 * the support agent it invited reads them, as its tenant's configuration (MCR-ACC-05, MCR 8.4).
 */
export function RightsPage() {
  return (
    <Allowed when={(me) => can.manageRights(me) || can.viewPeople(me)}>
      {(me) => (
        <Rights
          organisationId={me.acting?.organisationId ?? me.organisationId}
          manage={can.manageRights(me)}
        />
      )}
    </Allowed>
  );
}

function Rights({ organisationId, manage }: { organisationId: string; manage: boolean }) {
  const { t } = useTranslation();
  const { label } = useLocaleFormat();
  const contract = useContract().data;
  const organisation = useQuery({
    queryKey: keys.organisation(organisationId),
    queryFn: () => api.organisation(organisationId),
  });
  if (!contract) return null;
  const clauses = clausesOf(contract);
  const desk = contract.provider.supportDeskName
    ? label(contract.provider.supportDeskName)
    : contract.provider.name;
  return (
    <Stack gap={0}>
      <PageHeader
        title={t("rights.title")}
        intro={organisation.data ? t("rights.intro", { organisation: organisation.data.name }) : undefined}
        clause={clauses.rights}
      />
      <UsersSection
        organisationId={organisationId}
        revocation={clauses.revocation}
        offer={
          manage
            ? {
                roles: invitableCustomerRoles(clauses, true),
                ...(clauses.delegatedInvitation ? { canInviteClause: clauses.delegatedInvitation } : {}),
              }
            : undefined
        }
      />
      {manage && <Access organisationId={organisationId} contract={contract} desk={desk} />}
    </Stack>
  );
}

/** Inviting, named contacts, support grants, API tokens: the customer administrator's alone (organisation-policy.ts). */
function Access({
  organisationId,
  contract,
  desk,
}: {
  organisationId: string;
  contract: ContractSummary;
  desk: string;
}) {
  const { t } = useTranslation();
  const clauses = clausesOf(contract);
  return (
    <>
      <Section
        title={t("rights.invite.heading")}
        intro={t("rights.invite.intro")}
        clause={clauses.invitation}
      >
        <InviteForm
          organisationId={organisationId}
          roles={invitableCustomerRoles(clauses, true)}
          allowCanInvite={Boolean(clauses.delegatedInvitation)}
          canInviteClause={clauses.delegatedInvitation}
        />
      </Section>
      {clauses.namedContacts && <NamedContactsSection organisationId={organisationId} desk={desk} />}
      {clauses.supportGrants && (
        <SupportGrantsSection
          organisationId={organisationId}
          clause={clauses.supportGrants}
          longest={contract.ticketWorkflow.supportTenantAccess?.expiresAfter}
        />
      )}
      <ApiTokensSection
        organisationId={organisationId}
        clause={clauses.apiTokens}
        roles={TOKEN_ROLES.filter((role) => clauses.customerRoles.includes(role))}
      />
    </>
  );
}
