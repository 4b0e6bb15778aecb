import { Stack, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { MaintenanceListed } from "../api/desk-types";
import { api, keys } from "../api/endpoints";
import { ErrorAlert } from "../components/ErrorAlert";
import { LoadMoreButton } from "../components/LoadMoreButton";
import { Section } from "../components/Section";
import { useLocaleFormat } from "../i18n/format";
import { MaintenanceItems } from "./MaintenanceItems";

/**
 * Ended and cancelled announcements, the latest first, a page at a time (DSN-SUP-07): what was
 * announced to the customers and what became of it, with who cancelled and why.
 */
export function MaintenanceHistory() {
  const { t } = useTranslation();
  const pages = useInfiniteQuery({
    queryKey: keys.maintenanceHistory,
    queryFn: ({ pageParam }) => api.maintenanceHistory(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next ?? undefined,
  });
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Section title={t("maintenance.history.heading")} intro={t("maintenance.history.intro")}>
      <ErrorAlert error={pages.error} />
      {pages.isSuccess && items.length === 0 && <Text>{t("maintenance.history.empty")}</Text>}
      <MaintenanceItems items={items} details={(item) => <Cancellation maintenance={item} />} />
      <LoadMoreButton pages={pages} label={t("maintenance.history.more")} />
    </Section>
  );
}

/** When, by whom and why an announcement was cancelled; nothing for one that simply ended. */
function Cancellation({ maintenance }: { maintenance: MaintenanceListed }) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const { cancelledAt, cancelledBy, cancellationReason } = maintenance;
  if (!cancelledAt) return null;
  const date = dateTime(cancelledAt);
  return (
    <Stack gap={2} mt="xs">
      <Text size="sm">
        {cancelledBy
          ? t("maintenance.history.cancelledBy", { date, by: cancelledBy })
          : t("maintenance.history.cancelled", { date })}
      </Text>
      {cancellationReason && (
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {t("maintenance.history.reason", { reason: cancellationReason })}
        </Text>
      )}
    </Stack>
  );
}
