import { List, Paper, Stack, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { clausesOf } from "../clauses";
import { AnchorLink } from "../components/AnchorLink";
import { useDurationText } from "../desk/SlaBadge";
import { useLocaleFormat } from "../i18n/format";
import { useContract } from "../session";
import { useMaintenance } from "./use-maintenance";

/**
 * The customer's services under maintenance now or soon, at the top of its pages (DSN-SUP-07,
 * "message sur l'Espace Opérateurs"): nothing at all when none is announced, or where the
 * contract announces none.
 */
export function MaintenanceNotice() {
  const { t } = useTranslation();
  const { period } = useLocaleFormat();
  const duration = useDurationText();
  const id = useId();
  const contract = useContract().data;
  const items = useMaintenance(Boolean(contract && clausesOf(contract).maintenance)).data ?? [];
  if (items.length === 0) return null;
  return (
    // A section named by its heading, not an alert: it is there from the start, nothing to interrupt for.
    <Paper component="section" aria-labelledby={id} withBorder p="md" bg="blue.0">
      <Stack gap="xs">
        <Title order={2} size="h4" id={id}>
          {t("maintenance.notice.heading", { count: items.length })}
        </Title>
        <List spacing={4}>
          {items.map((maintenance) => (
            <List.Item key={maintenance.id}>
              {t("maintenance.notice.item", {
                service: maintenance.service,
                title: maintenance.title,
                period: period(maintenance.startsAt, maintenance.endsAt),
                duration: duration(maintenance.expectedMinutes),
              })}
            </List.Item>
          ))}
        </List>
        <AnchorLink to="/maintenance">{t("maintenance.notice.link")}</AnchorLink>
      </Stack>
    </Paper>
  );
}
