import { Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import { securityApi, securityKeys } from "../api/security-endpoints";
import { useLocaleFormat } from "../i18n/format";
import { CardLine, DashboardCard, useSeen } from "./DashboardCard";

const SHOWN = 3;

/** Maintenance announced and not over (DSN-SUP-07), with its period in the deployment's time. */
export function MaintenanceCard() {
  const { t } = useTranslation();
  const { period } = useLocaleFormat();
  const { ref, seen } = useSeen<HTMLElement>();
  const maintenance = useQuery({ queryKey: keys.maintenance, queryFn: api.maintenance, enabled: seen });
  const coming = (maintenance.data ?? []).filter(
    (item) => item.state === "upcoming" || item.state === "in_progress",
  );
  return (
    <DashboardCard
      title={t("home.cards.maintenance")}
      to="/maintenance"
      state={{ pending: maintenance.isPending, error: maintenance.error }}
      cardRef={ref}
    >
      <Stack gap={6}>
        {coming.length === 0 && <Text size="sm">{t("home.cards.noMaintenance")}</Text>}
        {coming.slice(0, SHOWN).map((item) => (
          <Stack key={item.id} gap={0}>
            <CardLine strong>{`${item.service} — ${item.title}`}</CardLine>
            <CardLine>{period(item.startsAt, item.endsAt)}</CardLine>
          </Stack>
        ))}
      </Stack>
    </DashboardCard>
  );
}

/** Security incidents still open, both ways (DSN-SEC-04). */
export function IncidentsCard() {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const { ref, seen } = useSeen<HTMLElement>();
  const incidents = useQuery({
    queryKey: securityKeys.incidents,
    queryFn: securityApi.incidents,
    enabled: seen,
  });
  const open = (incidents.data ?? []).filter((incident) => !incident.resolvedAt);
  return (
    <DashboardCard
      title={t("home.cards.incidents")}
      to="/securite"
      state={{ pending: incidents.isPending, error: incidents.error }}
      cardRef={ref}
    >
      <Stack gap={6}>
        <Text size="sm">
          {open.length === 0
            ? t("home.cards.noIncident")
            : t("home.cards.incidentCount", { count: open.length })}
        </Text>
        {open.slice(0, SHOWN).map((incident) => (
          <CardLine key={incident.id}>
            {t("home.cards.incidentLine", {
              reference: incident.reference,
              title: incident.title,
              date: dateTime(incident.declaredAt),
            })}
          </CardLine>
        ))}
      </Stack>
    </DashboardCard>
  );
}
