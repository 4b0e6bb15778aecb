import { Group, Paper, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { MaintenanceView } from "../api/desk-types";
import { StatusBadge } from "../components/StatusBadge";
import { useDurationText } from "../desk/SlaBadge";
import { useLocaleFormat } from "../i18n/format";

/**
 * Announced maintenance as the announcement gives it (DSN-SUP-07): the service, the dates and
 * times in Paris time, the expected interruption, the notice applied, the text; `action` adds what the reader may do,
 * `details` what became of it (a cancellation).
 */
export function MaintenanceItems<Item extends MaintenanceView>({
  items,
  action,
  details,
}: {
  items: Item[];
  action?: (maintenance: Item) => ReactNode;
  details?: (maintenance: Item) => ReactNode;
}) {
  const { t } = useTranslation();
  const { period, dateTime } = useLocaleFormat();
  const duration = useDurationText();
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {items.map((maintenance) => (
        <Paper component="li" withBorder p="sm" key={maintenance.id} data-testid="maintenance">
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <Stack gap={2}>
              <Text fw={700}>
                {maintenance.service} — {maintenance.title}
              </Text>
              <Text>
                {t("maintenance.inParisTime", { period: period(maintenance.startsAt, maintenance.endsAt) })}
              </Text>
              <Text>
                {t("maintenance.expectedText", { duration: duration(maintenance.expectedMinutes) })}
              </Text>
              <Text size="sm" c="dimmed">
                {t("maintenance.announcedAt", { date: dateTime(maintenance.announcedAt) })}
              </Text>
              {/* The notice applied, worded by the server: the e-service's own, or none said as such (DSN-SUP-07). */}
              {maintenance.notice && <Text size="sm">{maintenance.notice.said}</Text>}
            </Stack>
            <Group gap="xs">
              <StatusBadge status={maintenance.state} label={t(`maintenance.states.${maintenance.state}`)} />
              {action?.(maintenance)}
            </Group>
          </Group>
          <Text mt="xs" style={{ whiteSpace: "pre-wrap" }}>
            {maintenance.description}
          </Text>
          {details?.(maintenance)}
        </Paper>
      ))}
    </Stack>
  );
}
