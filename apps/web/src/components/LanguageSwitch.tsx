import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Locale } from "../api/types";
import { currentLocale, switchLocale } from "../i18n";

const LANGUAGES: { locale: Locale; name: string }[] = [
  { locale: "fr", name: "Français" },
  { locale: "en", name: "English" },
];

/** French or English; the choice is kept on this browser. Each name is written in its own language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = currentLocale();
  return (
    <Group gap={4} role="group" aria-label={t("app.language")}>
      {LANGUAGES.map(({ locale, name }) => (
        <Button
          key={locale}
          size="xs"
          variant={locale === current ? "filled" : "subtle"}
          aria-pressed={locale === current}
          lang={locale}
          onClick={() => void switchLocale(locale)}
        >
          {name}
        </Button>
      ))}
    </Group>
  );
}
