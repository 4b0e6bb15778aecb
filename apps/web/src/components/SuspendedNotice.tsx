import { Alert, Container, Text, Title } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../api/client";
import { useLocaleFormat } from "../i18n/format";
import { useContract } from "../session";
import { ClauseTag } from "./ClauseTag";

/**
 * What a person of a suspended organisation sees instead of any page (DSN-SEC-02, MCR-ACC-06):
 * the server's message, and whom to contact — the provider when the contract names no address.
 */
export function SuspendedNotice({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const contract = useContract();
  const { label } = useLocaleFormat();
  const contact =
    (typeof error.details.contact === "string" && error.details.contact) ||
    contract.data?.provider.name ||
    "";
  const clause = typeof error.details.clause === "string" ? error.details.clause : undefined;
  const portal = contract.data ? label(contract.data.provider.portalName) : "";

  useEffect(() => {
    document.title = `${t("suspended.title")} — ${portal}`;
  }, [t, portal]);

  return (
    <Container size="sm" py="xl">
      <Title order={1} mb="md">
        {t("suspended.title")}
      </Title>
      <Alert color="red" variant="light" role="alert">
        <Text>{error.message}</Text>
        <Text mt="xs" fw={700}>
          {t("suspended.contact", { contact })}
        </Text>
        {clause && (
          <Text mt="xs" component="div">
            <ClauseTag clause={clause} />
          </Text>
        )}
      </Alert>
    </Container>
  );
}
