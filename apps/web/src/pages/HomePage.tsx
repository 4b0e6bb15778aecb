import { Anchor, List, Stack, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Me } from "../api/types";
import { clausesOf } from "../clauses";
import { Allowed } from "../components/Allowed";
import { InviteForm, invitableCustomerRoles } from "../components/InviteForm";
import { PageHeader } from "../components/PageHeader";
import { Section } from "../components/Section";
import { useDeskWords } from "../desk/vocabulary";
import { HomeCards } from "../home/HomeCards";
import { can, sectionsFor } from "../permissions";
import { useContract } from "../session";

/** Who is signed in, a dashboard of what their roles may see (issue 13), and the sections they open. */
export function HomePage() {
  return <Allowed when={() => true}>{(me) => <Home me={me} />}</Allowed>;
}

function Home({ me }: { me: Me }) {
  const { t } = useTranslation();
  const contract = useContract().data;
  const sections = sectionsFor(me, contract);
  const words = useDeskWords();
  // Someone given the right to invite, without the Rights page, invites from here (MCR-ACC-02).
  const invites = me.organisationKind === "customer" && me.canInvite && !can.manageRights(me) && contract;
  return (
    <Stack>
      <PageHeader
        title={t("home.title")}
        intro={
          me.organisationKind === "provider"
            ? t("home.provider", { provider: contract?.provider.name ?? "" })
            : t("home.customer")
        }
      />
      <Text fw={700}>{t("home.greeting", { name: me.displayName })}</Text>
      <Text>{t("home.roles", { roles: me.roles.map((role) => t(`roles.${role}`)).join(", ") })}</Text>
      {/* The cards and sections wait for the contract, together: nothing already shown moves. */}
      {contract && (
        <>
          <HomeCards me={me} />
          <Section title={t("home.sections")}>
            {sections.length > 0 ? (
              <List>
                {sections.map((section) => (
                  <List.Item key={section.to}>
                    <Anchor component={Link} to={section.to}>
                      {t(section.label(words))}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text>{t("home.noSection")}</Text>
            )}
          </Section>
        </>
      )}
      {invites && (
        <Section
          title={t("rights.invite.heading")}
          intro={t("rights.invite.intro")}
          clause={clausesOf(contract).delegatedInvitation}
        >
          <InviteForm
            organisationId={me.organisationId}
            roles={invitableCustomerRoles(clausesOf(contract), false)}
            allowCanInvite={false}
          />
        </Section>
      )}
    </Stack>
  );
}
