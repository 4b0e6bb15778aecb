import { TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { field } from "../form-data";

/**
 * The three fields every form that brings a person in asks first (an invitation, a named
 * contact): e-mail, first name, last name. Placed inside the form's own grid.
 */
export function PersonNameFields() {
  const { t } = useTranslation();
  return (
    <>
      <TextInput name="email" type="email" label={t("common.email")} required autoComplete="off" />
      <TextInput name="firstName" label={t("common.firstName")} required autoComplete="off" />
      <TextInput name="lastName" label={t("common.lastName")} required autoComplete="off" />
    </>
  );
}

/** Reads what PersonNameFields asked. */
export function personNameOf(data: FormData): { email: string; firstName: string; lastName: string } {
  return {
    email: field(data, "email"),
    firstName: field(data, "firstName"),
    lastName: field(data, "lastName"),
  };
}
