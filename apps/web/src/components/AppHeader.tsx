import { Box, Button, Container, Group, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { api } from "../api/endpoints";
import type { ContractSummary } from "../api/types";
import { useLocaleFormat } from "../i18n/format";
import { useMe } from "../session";
import { ActingBanner } from "./ActingBanner";
import { LanguageSwitch } from "./LanguageSwitch";
import { MainNav } from "./MainNav";

/** The deployment's portal name ("Espace Client Cloud", "Espace Opérateurs"), the menu and the session. */
export function AppHeader({ contract }: { contract: ContractSummary }) {
  const { t } = useTranslation();
  const { label } = useLocaleFormat();
  const me = useMe();
  const signOut = useMutation({
    mutationFn: api.signOut,
    // A fresh page load forgets everything the session read: cached data, the CSRF token.
    onSettled: () => window.location.assign("/connexion"),
  });
  const person = me.data;
  return (
    <Box component="header" style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
      <Container size="lg" py="sm">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text component={Link} to="/" fw={700} size="xl" c="blue.9" style={{ textDecoration: "none" }}>
            {label(contract.provider.portalName)}
          </Text>
          <Group gap="sm" wrap="wrap">
            <LanguageSwitch />
            {person && (
              <>
                <Text size="sm">{t("app.signedInAs", { name: person.displayName })}</Text>
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => signOut.mutate()}
                  loading={signOut.isPending}
                >
                  {t("app.signOut")}
                </Button>
              </>
            )}
          </Group>
        </Group>
        {person && <MainNav me={person} />}
      </Container>
      {person?.acting && <ActingBanner acting={person.acting} />}
    </Box>
  );
}
