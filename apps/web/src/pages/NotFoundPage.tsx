import { Anchor, Stack } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/PageHeader";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeader title={t("errors.notFoundTitle")} intro={t("errors.notFoundText")} />
      <Anchor component={Link} to="/">
        {t("errors.backHome")}
      </Anchor>
    </Stack>
  );
}
