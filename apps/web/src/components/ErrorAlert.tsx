import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";

/** Shows an API refusal in the server's own words (already in the reader's language). */
export function ErrorAlert({ error }: { error: Error | null | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : t("errors.generic");
  return (
    <Alert color="red" variant="light" role="alert">
      {message}
    </Alert>
  );
}
