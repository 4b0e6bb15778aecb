import { SimpleGrid, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { field } from "../form-data";

/**
 * The three fields every form that brings a person in asks first (an invitation, a named
 * contact): e-mail, first name, last name, in a grid that takes the form's other fields about the
 * person (`children`).
 */
export function PersonNameFields({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <TextInput name="email" type="email" label={t("common.email")} required autoComplete="off" />
      <TextInput name="firstName" label={t("common.firstName")} required autoComplete="off" />
      <TextInput name="lastName" label={t("common.lastName")} required autoComplete="off" />
      {children}
    </SimpleGrid>
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
