import { Alert } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Me } from "../api/types";
import { useMe } from "../session";

/** Renders its page for people the rule lets in; others read why not. Inside the session gate. */
export function Allowed({ when, children }: { when: (me: Me) => boolean; children: (me: Me) => ReactNode }) {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return null;
  if (!when(me)) {
    return (
      <Alert color="yellow" variant="light" role="alert" mt="lg">
        {t("errors.forbiddenPage")}
      </Alert>
    );
  }
  return <>{children(me)}</>;
}
