import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The requirement id a rule comes from (e.g. MCR-SUP-04), as the contract file cites it. */
export function ClauseTag({ clause }: { clause: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="gray.8" radius="sm" title={t("common.clause", { clause })}>
      {clause}
    </Badge>
  );
}
