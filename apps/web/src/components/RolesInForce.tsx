import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Role } from "../api/types";

/**
 * The roles a machine's credential (API token or client certificate) acts with now, as the server
 * computes them (no more than its owner has now, issue 14, DSN-SEC-01/03), and when they are fewer
 * than it was made with, why.
 */
export function RolesInForce({
  made,
  inForce,
  narrowed,
  owner,
}: {
  made: readonly Role[];
  inForce: readonly Role[];
  narrowed: boolean;
  owner: { name: string; active: boolean };
}) {
  const { t } = useTranslation();
  const names = (roles: readonly Role[]) =>
    roles.length ? roles.map((role) => t(`roles.${role}`)).join(", ") : t("rights.tokens.none");
  return (
    <>
      {names(inForce)}
      {narrowed && (
        <Text size="xs" c="dimmed">
          {owner.active
            ? t("rights.tokens.narrowed", { made: names(made), owner: owner.name })
            : t("rights.tokens.ownerGone", { owner: owner.name })}
        </Text>
      )}
    </>
  );
}
