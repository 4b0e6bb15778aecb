import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/PageHeader";
import { SetPasswordForm } from "../password/SetPasswordForm";
import { useContract } from "../session";

/** /reset#token=…: a new password from a reset link; the server signs out the person's other sessions. */
export function ResetPage() {
  const { t } = useTranslation();
  const contract = useContract().data;
  if (!contract) return null;
  return (
    <Stack>
      <PageHeader title={t("password.resetTitle")} intro={t("password.resetIntro")} />
      <SetPasswordForm contract={contract} />
    </Stack>
  );
}
