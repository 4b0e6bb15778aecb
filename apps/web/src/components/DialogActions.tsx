import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * The end of a dialog's form: close without acting ("Annuler" unless that word is the action's),
 * and the submit button, red for actions that cut someone off, busy while the request runs.
 */
export function DialogActions({
  onDismiss,
  dismissLabel,
  confirmLabel,
  danger = false,
  pending,
}: {
  onDismiss: () => void;
  dismissLabel?: string;
  confirmLabel: string;
  danger?: boolean;
  pending: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onDismiss}>
        {dismissLabel ?? t("common.cancel")}
      </Button>
      <Button type="submit" color={danger ? "red.9" : undefined} loading={pending}>
        {confirmLabel}
      </Button>
    </Group>
  );
}
