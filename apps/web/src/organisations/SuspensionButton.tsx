import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import type { OrganisationView } from "../api/types";
import { ReasonDialogButton } from "../components/ReasonDialogButton";

/**
 * The security officer suspends an organisation at once, without notice, or lifts the
 * suspension (DSN-SEC-02, MCR-ACC-06). The reason is required: it goes to the audit trail.
 */
export function SuspensionButton({
  organisation,
  clause,
  onDone,
}: {
  organisation: OrganisationView;
  clause: string;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const suspend = organisation.status === "active";
  const { name } = organisation;
  const change = useMutation({
    mutationFn: (reason: string) => api.setSuspension(organisation.id, suspend, reason),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.organisations });
      onDone(suspend ? t("organisations.suspended", { name }) : t("organisations.lifted", { name }));
    },
  });
  return (
    <ReasonDialogButton
      label={suspend ? t("organisations.suspend") : t("organisations.lift")}
      ariaLabel={suspend ? t("organisations.suspendLabel", { name }) : t("organisations.liftLabel", { name })}
      title={suspend ? t("organisations.suspendTitle", { name }) : t("organisations.liftTitle", { name })}
      intro={suspend ? t("organisations.suspendIntro") : t("organisations.liftIntro")}
      clause={clause}
      reasonHint={t("organisations.reasonHint")}
      confirmLabel={suspend ? t("organisations.confirmSuspend") : t("organisations.confirmLift")}
      danger={suspend}
      pending={change.isPending}
      error={change.error}
      onConfirm={(reason, close) => change.mutate(reason, { onSuccess: close })}
    />
  );
}
