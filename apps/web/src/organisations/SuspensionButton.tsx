import { Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import type { OrganisationView } from "../api/types";
import { ClauseTag } from "../components/ClauseTag";
import { Dialog } from "../components/Dialog";
import { ErrorAlert } from "../components/ErrorAlert";
import { field } from "../form-data";

/**
 * The security officer suspends an organisation at once, without notice, or lifts the
 * suspension (DSN-SEC-02, MCR-ACC-06). The reason is required: it goes to the audit trail.
 */
export function SuspensionButton({
  organisation,
  clause,
  onDone,
}: {
  organisation: OrganisationView;
  clause: string;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const suspend = organisation.status === "active";
  const { name } = organisation;
  const change = useMutation({
    mutationFn: (reason: string) => api.setSuspension(organisation.id, suspend, reason),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.organisations });
      close();
      onDone(suspend ? t("organisations.suspended", { name }) : t("organisations.lifted", { name }));
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    change.mutate(field(new FormData(event.currentTarget), "reason"));
  };
  return (
    <>
      <Button
        size="xs"
        variant={suspend ? "outline" : "default"}
        color={suspend ? "red.9" : undefined}
        onClick={open}
        aria-label={
          suspend ? t("organisations.suspendLabel", { name }) : t("organisations.liftLabel", { name })
        }
      >
        {suspend ? t("organisations.suspend") : t("organisations.lift")}
      </Button>
      <Dialog
        opened={opened}
        onClose={close}
        title={suspend ? t("organisations.suspendTitle", { name }) : t("organisations.liftTitle", { name })}
      >
        <form onSubmit={submit}>
          <Stack>
            <Group gap="xs" align="baseline">
              <Text>{suspend ? t("organisations.suspendIntro") : t("organisations.liftIntro")}</Text>
              <ClauseTag clause={clause} />
            </Group>
            <Textarea
              name="reason"
              label={t("common.reason")}
              description={t("organisations.reasonHint")}
              required
              minLength={3}
              maxLength={1000}
              autosize
              minRows={2}
              data-autofocus
            />
            <ErrorAlert error={change.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" color={suspend ? "red.9" : undefined} loading={change.isPending}>
                {suspend ? t("organisations.confirmSuspend") : t("organisations.confirmLift")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </>
  );
}
