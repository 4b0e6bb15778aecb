import { Badge } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { keys } from "../api/endpoints";
import type { Me } from "../api/types";
import { useLocaleFormat } from "../i18n/format";
import { useContract } from "../session";

/** What the server sends where the contract gives no clause for a rule (packages/domain DEPLOYMENT_RULE). */
export const DEPLOYMENT_RULE = "deployment-rule";

/**
 * The clause a rule comes from, as the contract file cites it (e.g. MCR-SUP-04): shown to customers
 * as the place in the contract's text ("§ 8.2.1") where the file gives it, the document and the
 * id in the tooltip (issue 13: bare ids read as jargon to a customer); to staff as the id. A rule
 * the contract has no clause for is named the deployment's own, never another contract's id.
 */
export function ClauseTag({ clause }: { clause: string }) {
  const { t } = useTranslation();
  const { label } = useLocaleFormat();
  const contract = useContract().data;
  // Staff work with the ids (contract files, reports): theirs stays in view, the place in its tooltip.
  const staff = useQueryClient().getQueryData<Me>(keys.me)?.organisationKind === "provider";
  if (clause === DEPLOYMENT_RULE) {
    return (
      <Badge variant="outline" color="gray.8" radius="sm" title={t("common.deploymentRuleTitle")}>
        {t("common.deploymentRule")}
      </Badge>
    );
  }
  const place = contract?.clauses[clause];
  const inText = place && contract ? label(place) : undefined;
  return (
    <Badge
      variant="outline"
      color="gray.8"
      radius="sm"
      tt="none"
      title={
        inText && contract
          ? t("common.clauseIn", { document: label(contract.title), place: inText, clause })
          : t("common.clause", { clause })
      }
    >
      {inText && !staff ? inText : clause}
    </Badge>
  );
}
