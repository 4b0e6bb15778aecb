import { Anchor, Group } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Me } from "../api/types";
import { useDeskWords } from "../desk/vocabulary";
import { sectionsFor } from "../permissions";
import { useContract } from "../session";

/**
 * The sections this person may use, on one line that scrolls sideways where the window is too
 * narrow for all of them (wrapped, the header grew under the reader's eyes once the session
 * arrived: issue 13, layout shift 0.29 on a ticket page), and in one column behind the menu
 * button on a phone-sized window (styles.css), where following a link closes the menu. The router
 * marks the current section with aria-current.
 */
export function MainNav({ me, onNavigate }: { me: Me; onNavigate: () => void }) {
  const { t } = useTranslation();
  const words = useDeskWords();
  const contract = useContract().data;
  return (
    <Group component="nav" aria-label={t("app.mainNav")} gap="lg" mt="xs" wrap="nowrap" className="main-nav">
      <Anchor component={Link} to="/" activeOptions={{ exact: true }} onClick={onNavigate}>
        {t("nav.home")}
      </Anchor>
      {sectionsFor(me, contract).map((section) => (
        <Anchor key={section.to} component={Link} to={section.to} onClick={onNavigate}>
          {t(section.label(words))}
        </Anchor>
      ))}
    </Group>
  );
}

/** Holds the navigation's line while the session loads, so the page below does not move. */
export function MainNavPlaceholder() {
  return <div className="main-nav" aria-hidden="true" />;
}
