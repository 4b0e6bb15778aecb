import { Modal, type ModalProps } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Mantine's modal (focus trapped, title naming the dialog) with a close button that has a name. */
export function Dialog(props: ModalProps) {
  const { t } = useTranslation();
  return <Modal closeButtonProps={{ "aria-label": t("common.close") }} {...props} />;
}
