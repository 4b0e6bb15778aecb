import { Box, Burger, Button, Container, Group, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { api } from "../api/endpoints";
import type { ContractSummary } from "../api/types";
import { useLocaleFormat } from "../i18n/format";
import { useMe } from "../session";
import { ActingBanner } from "./ActingBanner";
import { LanguageSwitch } from "./LanguageSwitch";
import { MainNav, MainNavPlaceholder } from "./MainNav";

/**
 * The deployment's portal name ("Espace Client Cloud", "Espace Opérateurs"), the menu and the
 * session. On a phone-sized window the menu and the session fold behind a menu button (issue 13:
 * a dozen sections took half the screen); CSS decides which shows, so nothing moves after load.
 */
export function AppHeader({ contract }: { contract: ContractSummary }) {
  const { t } = useTranslation();
  const { label } = useLocaleFormat();
  const me = useMe();
  const [menuOpen, menu] = useDisclosure(false);
  const signOut = useMutation({
    mutationFn: api.signOut,
    // A fresh page load forgets everything the session read: cached data, the CSRF token.
    onSettled: () => window.location.assign("/connexion"),
  });
  const person = me.data;
  return (
    <Box component="header" style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
      <Container size="lg" py="sm">
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text component={Link} to="/" fw={700} size="xl" c="blue.9" style={{ textDecoration: "none" }}>
            {label(contract.provider.portalName)}
          </Text>
          <Burger
            hiddenFrom="sm"
            opened={menuOpen}
            onClick={menu.toggle}
            aria-label={menuOpen ? t("app.menuClose") : t("app.menu")}
            aria-expanded={menuOpen}
            aria-controls="app-menu"
          />
        </Group>
        <div id="app-menu" className={menuOpen ? "app-menu" : "app-menu app-menu-closed"}>
          <Group gap="sm" wrap="wrap" justify="flex-end" mt="xs">
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
          {person ? <MainNav me={person} onNavigate={menu.close} /> : me.isPending && <MainNavPlaceholder />}
        </div>
      </Container>
      {person?.acting && <ActingBanner acting={person.acting} />}
    </Box>
  );
}
