import { TextInput, type TextInputProps } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * A date and time typed in Paris time, the deployment's, wherever the browser is: read its value
 * with localToIso(value, TIME_ZONE).
 */
export function ParisTimeInput(props: Omit<TextInputProps, "type">) {
  const { t } = useTranslation();
  return <TextInput type="datetime-local" description={t("maintenance.parisTime")} {...props} />;
}
