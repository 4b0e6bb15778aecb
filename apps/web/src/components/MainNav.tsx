import { Anchor, Group } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Me } from "../api/types";
import { useDeskWords } from "../desk/vocabulary";
import { sectionsFor } from "../permissions";
import { useContract } from "../session";

/** The sections this person may use; the router marks the current one with aria-current. */
export function MainNav({ me }: { me: Me }) {
  const { t } = useTranslation();
  const words = useDeskWords();
  const contract = useContract().data;
  return (
    <Group component="nav" aria-label={t("app.mainNav")} gap="lg" mt="xs">
      <Anchor component={Link} to="/" activeOptions={{ exact: true }}>
        {t("nav.home")}
      </Anchor>
      {sectionsFor(me, contract).map((section) => (
        <Anchor key={section.to} component={Link} to={section.to}>
          {t(section.label(words))}
        </Anchor>
      ))}
    </Group>
  );
}
