import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** What the last action did, said until the person closes it (a page-level confirmation). */
export function Notice({ text, onClose }: { text: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  if (!text) return null;
  return (
    <Alert
      color="green"
      variant="light"
      role="status"
      withCloseButton
      closeButtonLabel={t("common.close")}
      onClose={onClose}
    >
      {text}
    </Alert>
  );
}
