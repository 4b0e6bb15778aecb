import { Alert, NativeSelect } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "../api/types";
import { checked } from "../form-data";
import { type ContractLanguage, currentLanguage } from "../i18n";
import { useContract } from "../session";
import { CheckboxFieldset } from "./CheckboxFieldset";
import { LANGUAGE_NAMES } from "./LanguageSwitch";

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
/**
 * The language the person's mails and portal read in: one of the contract's (issue 23), the
 * reader's own by default. Mails fall back from it as the portal does.
 */
export function MailLocaleSelect() {
  const { t } = useTranslation();
  const languages: readonly ContractLanguage[] = useContract().data?.languages ?? ["fr", "en"];
  const current = currentLanguage();
  return (
    <NativeSelect
      name="locale"
      label={t("rights.invite.locale")}
      defaultValue={languages.includes(current) ? current : languages[0]}
      data={languages.map((language) => ({ value: language, label: LANGUAGE_NAMES[language] }))}
    />
  );
}

/** The language a form's MailLocaleSelect gave. */
export function chosenLanguage(value: string): ContractLanguage {
  return (
    (["fr", "en", "de", "it", "nl"] as const).find((language) => language === value) ?? currentLanguage()
  );
}
