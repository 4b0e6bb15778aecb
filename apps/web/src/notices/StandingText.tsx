import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ChangeStanding } from "../api/notices-types";
import { useLocaleFormat } from "../i18n/format";

/** Whether a new version applies to this customer (DSN 10.1: only once signed by both parties). */
export function StandingText({ standing }: { standing: ChangeStanding }) {
  const { t } = useTranslation();
  const { date } = useLocaleFormat();
  return (
    <Text size="sm" fw={standing.state === "awaiting-signature" ? 600 : undefined}>
      {t(`notices.standing.${standing.state}`, { date: standing.from ? date(standing.from) : "" })}
    </Text>
  );
}
