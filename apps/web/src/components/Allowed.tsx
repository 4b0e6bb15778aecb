import { Alert } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ContractSummary, Me } from "../api/types";
import { useContract, useMe } from "../session";

/**
 * Renders its page for people the rule lets in; others read why not. Inside the session gate. A
 * rule may depend on the contract too (a section the contract does not sell is offered to no one).
 */
export function Allowed({
  when,
  children,
}: {
  when: (me: Me, contract: ContractSummary) => boolean;
  children: (me: Me) => ReactNode;
}) {
  const { t } = useTranslation();
  const me = useMe().data;
  const contract = useContract().data;
  if (!me || !contract) return null;
  if (!when(me, contract)) {
    return (
      <Alert color="yellow" variant="light" role="alert" mt="lg">
        {t("errors.forbiddenPage")}
      </Alert>
    );
  }
  return <>{children(me)}</>;
}
