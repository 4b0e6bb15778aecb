import { Button, Group } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { type ContractLanguage, currentLanguage, switchLocale } from "../i18n";
import { useContract } from "../session";

export const LANGUAGE_NAMES: Record<ContractLanguage, string> = {
  fr: "Français",
  en: "English",
  de: "Deutsch",
  it: "Italiano",
  nl: "Nederlands",
};

/**
 * The contract's languages (issue 23), its locale first; French and English before the contract is
 * known. The choice is kept on this browser. Each name is written in its own language.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const current = currentLanguage();
  const languages = useContract().data?.languages ?? ["fr", "en"];
  if (languages.length < 2) return null;
  return (
    <Group gap={4} role="group" aria-label={t("app.language")}>
      {languages.map((locale) => (
        <Button
          key={locale}
          size="xs"
          variant={locale === current ? "filled" : "subtle"}
          aria-pressed={locale === current}
          lang={locale}
          // What the server wrote in the former language (SLA explanations, refusals) is read again.
          onClick={() => void switchLocale(locale).then(() => queryClient.invalidateQueries())}
        >
          {LANGUAGE_NAMES[locale]}
        </Button>
      ))}
    </Group>
  );
}
