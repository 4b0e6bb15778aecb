import { Alert, Group, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { ClauseTag } from "./ClauseTag";

/**
 * Shows an API refusal in the server's own words (already in the reader's language). With
 * `withClause`, the clause the refusal names (details.clause) stands beside it as a tag, and
 * `children` may offer a way out (e.g. the earliest start the contract allows).
 */
export function ErrorAlert({
  error,
  withClause = false,
  children,
}: {
  error: Error | null | undefined;
  withClause?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : t("errors.generic");
  const clause = error instanceof ApiError ? error.details.clause : undefined;
  if (!withClause && !children) {
    return (
      <Alert color="red" variant="light" role="alert">
        {message}
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" role="alert">
      <Group gap="xs" align="baseline">
        <Text size="sm">{message}</Text>
        {withClause && typeof clause === "string" && <ClauseTag clause={clause} />}
      </Group>
      {children}
    </Alert>
  );
}
