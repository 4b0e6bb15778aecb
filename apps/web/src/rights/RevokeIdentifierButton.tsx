import { Alert, Button, Group, Radio, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import type { UserView } from "../api/types";
import { ClauseTag } from "../components/ClauseTag";
import { Dialog } from "../components/Dialog";
import { DialogActions } from "../components/DialogActions";
import { ErrorAlert } from "../components/ErrorAlert";

/** Revokes a lost or compromised identifier at once; the server issues a new one (DSN-ID-04). */
export function RevokeIdentifierButton({
  organisationId,
  user,
  name,
  clause,
}: {
  organisationId: string;
  user: UserView;
  name: string;
  clause: string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState<"loss" | "fraud">("loss");
  const revoke = useMutation({
    mutationFn: () => api.revokeIdentifier(organisationId, user.id, reason),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.users(organisationId) }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    revoke.mutate();
  };
  return (
    <>
      <Button size="xs" variant="default" onClick={open} aria-label={t("rights.users.revokeLabel", { name })}>
        {t("rights.users.revoke")}
      </Button>
      <Dialog opened={opened} onClose={close} title={t("rights.users.revokeTitle", { name })}>
        {revoke.isSuccess ? (
          <Alert color="green" variant="light" role="status">
            {t("rights.users.revoked", { email: user.email })}
          </Alert>
        ) : (
          <form onSubmit={submit}>
            <Stack>
              <Group gap="xs" align="baseline">
                <Text>{t("rights.users.revokeIntro")}</Text>
                <ClauseTag clause={clause} />
              </Group>
              <Radio.Group
                label={t("common.reason")}
                value={reason}
                onChange={(value) => setReason(value === "fraud" ? "fraud" : "loss")}
              >
                <Group mt="xs">
                  <Radio value="loss" label={t("rights.users.loss")} />
                  <Radio value="fraud" label={t("rights.users.fraud")} />
                </Group>
              </Radio.Group>
              <ErrorAlert error={revoke.error} />
              <DialogActions
                onDismiss={close}
                confirmLabel={t("rights.users.confirmRevoke")}
                danger
                pending={revoke.isPending}
              />
            </Stack>
          </form>
        )}
      </Dialog>
    </>
  );
}
