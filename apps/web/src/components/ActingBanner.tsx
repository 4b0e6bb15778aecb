import { Alert, Button, Container, Group, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api/endpoints";
import type { Me } from "../api/types";

/** Always visible while a provider agent acts in a customer's tenant (MCR-ACC-05). */
export function ActingBanner({ acting }: { acting: NonNullable<Me["acting"]> }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const leave = useMutation({
    mutationFn: () => api.act(null),
    onSettled: () => queryClient.invalidateQueries(),
  });
  return (
    <Container size="lg" pb="sm">
      <Alert color="orange" variant="light" role="status">
        <Group justify="space-between">
          <Text size="sm">{t("acting.banner", { organisation: acting.organisationName })}</Text>
          <Button size="xs" variant="default" onClick={() => leave.mutate()} loading={leave.isPending}>
            {t("acting.leave")}
          </Button>
        </Group>
      </Alert>
    </Container>
  );
}
