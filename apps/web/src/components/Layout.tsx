import { Anchor, Box, Center, Container, Loader, Text } from "@mantine/core";
import { Outlet } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useLocaleFormat } from "../i18n/format";
import { useContract } from "../session";
import { AppHeader } from "./AppHeader";
import { ErrorAlert } from "./ErrorAlert";

/** Every page: skip link, header with the deployment's portal name, main landmark, footer. */
export function Layout() {
  const { t } = useTranslation();
  const contract = useContract();
  const { label } = useLocaleFormat();
  if (contract.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t("app.loading")} />
      </Center>
    );
  }
  if (contract.isError) {
    return (
      <Container component="main" size="sm" py="xl">
        <ErrorAlert error={contract.error} />
      </Container>
    );
  }
  const { provider, title, version } = contract.data;
  return (
    <>
      <Anchor href="#main" className="skip-link">
        {t("app.skipLink")}
      </Anchor>
      <AppHeader contract={contract.data} />
      {/* At least a screen high: the footer starts below the fold and does not jump down as a
          page's data arrives (issue 13: layout shift 0.19 on a ticket page, the footer's). */}
      <Box component="main" id="main" tabIndex={-1} py="lg" mih="100dvh" style={{ outline: "none" }}>
        <Container size="lg">
          <Outlet />
        </Container>
      </Box>
      <Box component="footer" py="md" mt="xl" style={{ borderTop: "1px solid var(--mantine-color-gray-3)" }}>
        <Container size="lg">
          <Text size="sm" c="dimmed">
            {provider.name}
            {provider.supportDeskName ? ` · ${label(provider.supportDeskName)}` : ""} ·{" "}
            {t("app.contract", { title: label(title), version })}
          </Text>
        </Container>
      </Box>
    </>
  );
}
