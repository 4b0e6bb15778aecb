import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { clausesOf } from "../clauses";
import { PageHeader } from "../components/PageHeader";
import { SetPasswordForm } from "../password/SetPasswordForm";
import { useContract } from "../session";

/** /invitation#token=…: an invited person chooses the password of their identifier (MCR-ACC-01, DSN-ID-02). */
export function InvitationPage() {
  const { t } = useTranslation();
  const contract = useContract().data;
  if (!contract) return null;
  return (
    <Stack>
      <PageHeader
        title={t("password.invitationTitle")}
        intro={t("password.invitationIntro")}
        clause={clausesOf(contract).invitation}
      />
      <SetPasswordForm contract={contract} />
    </Stack>
  );
}
