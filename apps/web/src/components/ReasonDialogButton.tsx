import { Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { field } from "../form-data";
import { ClauseTag } from "./ClauseTag";
import { Dialog } from "./Dialog";
import { DialogActions } from "./DialogActions";
import { ErrorAlert } from "./ErrorAlert";

/**
 * A button opening a dialog that asks why before acting: the reason is required, since it goes
 * to the audit trail or to the people told (a suspension, a cancelled maintenance). The dialog
 * stays open with the server's refusal until `onConfirm` closes it.
 */
export function ReasonDialogButton({
  label,
  ariaLabel,
  title,
  intro,
  clause,
  reasonHint,
  confirmLabel,
  dismissLabel,
  danger = false,
  maxLength = 1000,
  children,
  pending,
  error,
  onConfirm,
}: {
  label: string;
  /** The button's name when its label alone does not say what it acts on ("Suspendre Banque Ducasse"). */
  ariaLabel?: string;
  title: string;
  intro: string;
  clause?: string;
  reasonHint: string;
  confirmLabel: string;
  /** The button that closes the dialog without acting: "Annuler" unless that word is the action's. */
  dismissLabel?: string;
  /** A red button, for actions that cut someone off. */
  danger?: boolean;
  maxLength?: number;
  /** Fields asked before the reason (a credit note's amount); `onConfirm` reads them from `form`. */
  children?: ReactNode;
  pending: boolean;
  error: Error | null;
  onConfirm: (reason: string, close: () => void, form: FormData) => void;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onConfirm(field(form, "reason"), close, form);
  };
  return (
    <>
      <Button
        size="xs"
        variant={danger ? "outline" : "default"}
        color={danger ? "red.9" : undefined}
        onClick={open}
        aria-label={ariaLabel}
      >
        {label}
      </Button>
      <Dialog opened={opened} onClose={close} title={title}>
        <form onSubmit={submit}>
          <Stack>
            <Group gap="xs" align="baseline">
              <Text>{intro}</Text>
              {clause && <ClauseTag clause={clause} />}
            </Group>
            {children}
            <Textarea
              name="reason"
              label={t("common.reason")}
              description={reasonHint}
              required
              minLength={3}
              maxLength={maxLength}
              autosize
              minRows={2}
              data-autofocus
            />
            <ErrorAlert error={error} />
            <DialogActions
              onDismiss={close}
              dismissLabel={dismissLabel}
              confirmLabel={confirmLabel}
              danger={danger}
              pending={pending}
            />
          </Stack>
        </form>
      </Dialog>
    </>
  );
}
