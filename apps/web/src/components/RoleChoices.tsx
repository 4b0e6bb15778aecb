import { Alert, NativeSelect } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "../api/types";
import { checked } from "../form-data";
import { currentLocale } from "../i18n";
import { CheckboxFieldset } from "./CheckboxFieldset";

/**
 * The roles a form hands out, as checkboxes named "roles" (read back with `checked()`), some ticked
 * already when changing them; `missing` says none was chosen.
 */
export function RoleChoices<R extends Role>({
  legend,
  roles,
  missing,
  chosen,
}: {
  legend: string;
  roles: readonly R[];
  missing: boolean;
  chosen?: readonly R[];
}) {
  const { t } = useTranslation();
  return (
    <CheckboxFieldset
      legend={legend}
      name="roles"
      defaultChecked={chosen}
      options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
    >
      {missing && (
        <Alert color="red" variant="light" role="alert" mt="xs">
          {t("rights.invite.rolesRequired")}
        </Alert>
      )}
    </CheckboxFieldset>
  );
}

/**
 * Reads the roles RoleChoices asked for: undefined, and `missing` set for the form to say so,
 * when none was ticked.
 */
export function useRoleChoice<R extends Role>(roles: readonly R[]) {
  const [missing, setMissing] = useState(false);
  const read = (data: FormData): R[] | undefined => {
    const chosen = checked(data, "roles", roles);
    setMissing(chosen.length === 0);
    return chosen.length > 0 ? chosen : undefined;
  };
  return { missing, read };
}

/** The language of the mails an invited person receives, the reader's own by default. */
export function MailLocaleSelect() {
  const { t } = useTranslation();
  return (
    <NativeSelect
      name="locale"
      label={t("rights.invite.locale")}
      defaultValue={currentLocale()}
      data={[
        { value: "fr", label: "Français" },
        { value: "en", label: "English" },
      ]}
    />
  );
}
