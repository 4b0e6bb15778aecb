import { Group, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import type { ContractRules, UserView } from "../api/types";
import { ErrorAlert } from "../components/ErrorAlert";
import { RecordTable } from "../components/RecordTable";
import { Section } from "../components/Section";
import { StatusBadge } from "../components/StatusBadge";
import { useLocaleFormat } from "../i18n/format";
import { useMe } from "../session";
import { ChangeRightsButton, type RightsOffer } from "./ChangeRightsButton";
import { RevokeIdentifierButton } from "./RevokeIdentifierButton";

/**
 * The one person the portal does not offer to revoke: oneself as the organisation's last active
 * administrator, which the server refuses (packages/domain revokesLastAdministrator, issue 13).
 */
function lastAdministrator(people: UserView[], myId: string | undefined): string | undefined {
  const administrators = people.filter(
    (person) => person.status === "active" && person.roles.includes("customer_admin"),
  );
  return administrators.length === 1 && administrators[0]?.id === myId ? myId : undefined;
}

/** The organisation's people: identifier, roles, status, last activity (MCR-ACC-03, DSN-ID-01). */
export function UsersSection({
  organisationId,
  revocation,
  offer,
}: {
  organisationId: string;
  revocation: ContractRules["revocation"];
  /** What the reader may change; none for a reader only (the support agent invited, MCR-ACC-05). */
  offer: RightsOffer | undefined;
}) {
  const { t } = useTranslation();
  const { dateTime, label } = useLocaleFormat();
  // A revoked identifier's reason is one of the contract's (identifierPolicy.revocation).
  const reasonText = (reason: string) => {
    const known = revocation.reasons.find((choice) => choice.id === reason);
    return known ? label(known.label) : reason;
  };
  const users = useQuery({ queryKey: keys.users(organisationId), queryFn: () => api.users(organisationId) });
  const me = useMe().data;
  const kept = users.data && lastAdministrator(users.data, me?.userId);
  return (
    <Section title={t("rights.users.heading")}>
      <ErrorAlert error={users.error} />
      <RecordTable
        records={users.data}
        empty={t("rights.users.empty")}
        headings={[
          t("common.name"),
          t("common.email"),
          t("rights.invite.roles"),
          t("common.status"),
          t("rights.users.lastUsed"),
          ...(offer ? [t("common.actions")] : []),
        ]}
      >
        {(user) => {
          const name = `${user.firstName} ${user.lastName}`;
          return (
            <Table.Tr key={user.id}>
              <Table.Td>{name}</Table.Td>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>
                {user.roles.map((role) => t(`roles.${role}`)).join(", ")}
                {user.canInvite && ` · ${t("rights.users.canInvite")}`}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={user.status} label={t(`status.${user.status}`)} />
                {user.statusReason && (
                  <Text size="xs" c="dimmed">
                    {reasonText(user.statusReason)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{user.lastUsedAt ? dateTime(user.lastUsedAt) : t("common.never")}</Table.Td>
              {offer && (
                <Table.Td>
                  <Group gap="xs">
                    {(user.status === "active" || user.status === "invited") && (
                      <ChangeRightsButton
                        organisationId={organisationId}
                        user={user}
                        name={name}
                        offer={offer}
                      />
                    )}
                    {user.id === kept ? (
                      <Text size="xs" c="dimmed">
                        {t("rights.users.lastAdministrator")}
                      </Text>
                    ) : (
                      (user.status === "active" || user.status === "invited") && (
                        <RevokeIdentifierButton
                          organisationId={organisationId}
                          user={user}
                          name={name}
                          rule={revocation}
                        />
                      )
                    )}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          );
        }}
      </RecordTable>
    </Section>
  );
}
