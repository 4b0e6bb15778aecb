import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** What the server sends where the contract gives no clause for a rule (packages/domain DEPLOYMENT_RULE). */
export const DEPLOYMENT_RULE = "deployment-rule";

/**
 * The requirement id a rule comes from (e.g. MCR-SUP-04), as the contract file cites it; a rule
 * the contract has no clause for is named the deployment's own, never another contract's id.
 */
export function ClauseTag({ clause }: { clause: string }) {
  const { t } = useTranslation();
  const own = clause === DEPLOYMENT_RULE;
  return (
    <Badge
      variant="outline"
      color="gray.8"
      radius="sm"
      title={own ? t("common.deploymentRuleTitle") : t("common.clause", { clause })}
    >
      {own ? t("common.deploymentRule") : clause}
    </Badge>
  );
}
