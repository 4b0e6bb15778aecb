import { Alert, Button, Group, Radio, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import type { ContractRules, UserView } from "../api/types";
import { ClauseTag } from "../components/ClauseTag";
import { Dialog } from "../components/Dialog";
import { DialogActions } from "../components/DialogActions";
import { ErrorAlert } from "../components/ErrorAlert";
import { useLocaleFormat } from "../i18n/format";

/**
 * Revokes a lost or compromised identifier at once (DSN-ID-04): the reasons offered and whether a
 * new identifier is issued are the contract's (identifierPolicy.revocation), none asked without it.
 */
export function RevokeIdentifierButton({
  organisationId,
  user,
  name,
  rule,
}: {
  organisationId: string;
  user: UserView;
  name: string;
  rule: ContractRules["revocation"];
}) {
  const { t } = useTranslation();
  const { label } = useLocaleFormat();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState<string | undefined>(rule.reasons[0]?.id);
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
            {t(rule.reissue ? "rights.users.revoked" : "rights.users.revokedOnly", { email: user.email })}
          </Alert>
        ) : (
          <form onSubmit={submit}>
            <Stack>
              <Group gap="xs" align="baseline">
                <Text>{t(rule.reissue ? "rights.users.revokeIntro" : "rights.users.revokeIntroOnly")}</Text>
                <ClauseTag clause={rule.clause} />
              </Group>
              {rule.reasons.length > 0 && (
                <Radio.Group label={t("common.reason")} value={reason} onChange={setReason}>
                  <Group mt="xs">
                    {rule.reasons.map((choice) => (
                      <Radio key={choice.id} value={choice.id} label={label(choice.label)} />
                    ))}
                  </Group>
                </Radio.Group>
              )}
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
