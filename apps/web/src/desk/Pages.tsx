import { Box, Group, Pagination, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocaleFormat } from "../i18n/format";

/** "21 à 40 sur 45" and the page links of a list, each control with a name. */
export function Pages({
  total,
  pageSize,
  page,
  onPage,
}: {
  total: number;
  pageSize: number;
  page: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const { number } = useLocaleFormat();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" wrap="wrap">
      <Text size="sm">
        {t("desk.pages.range", { from: number(from), to: number(to), total: number(total) })}
      </Text>
      {pages > 1 && (
        <Box component="nav" aria-label={t("desk.pages.nav")}>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onPage}
            withEdges
            getItemProps={(item) => ({
              "aria-label": t("desk.pages.page", { page: item }),
              "aria-current": item === page ? "page" : undefined,
            })}
            getControlProps={(control) => ({ "aria-label": t(`desk.pages.${control}`) })}
          />
        </Box>
      )}
    </Group>
  );
}
