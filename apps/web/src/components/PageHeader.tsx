import { Stack, Title } from "@mantine/core";
import { type ReactNode, useEffect, useRef } from "react";
import { useLocaleFormat } from "../i18n/format";
import { useContract } from "../session";
import { IntroLine } from "./Section";

/** The first page of a visit keeps the browser's focus; every later page moves it to its title. */
let firstPageOfVisit = true;

/**
 * A page's h1, its document title ("Droits — Espace Client Cloud"), an introduction and the
 * clause it applies. After a navigation, focus moves to the h1 so screen readers announce the page.
 */
export function PageHeader({ title, intro, clause }: { title: string; intro?: ReactNode; clause?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const contract = useContract();
  const { label } = useLocaleFormat();
  const portal = contract.data ? label(contract.data.provider.portalName) : "";

  useEffect(() => {
    document.title = portal ? `${title} — ${portal}` : title;
  }, [title, portal]);

  useEffect(() => {
    if (firstPageOfVisit) {
      firstPageOfVisit = false;
      return;
    }
    heading.current?.focus();
  }, []);

  return (
    <Stack gap="xs" mb="lg">
      <Title order={1} ref={heading} tabIndex={-1} style={{ outline: "none" }}>
        {title}
      </Title>
      <IntroLine intro={intro} clause={clause} />
    </Stack>
  );
}
