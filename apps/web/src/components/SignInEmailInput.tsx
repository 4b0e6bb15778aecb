import { TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The address a person signs in with: the browser's password manager fills it as the username. */
export function SignInEmailInput({ value, onChange }: { value: string; onChange: (email: string) => void }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t("common.email")}
      type="email"
      autoComplete="username"
      required
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
