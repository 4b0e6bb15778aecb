import { Button, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { FormEvent, ReactNode } from "react";
import { Dialog } from "../components/Dialog";
import { DialogActions } from "../components/DialogActions";
import { ErrorAlert } from "../components/ErrorAlert";

/**
 * A row's action that asks first: the button opens a dialog saying what will happen, with the
 * fields it needs (`children`); confirming submits them, and the dialog stays open with the
 * server's refusal until `onConfirm` resolves.
 */
export function DialogButton({
  label,
  ariaLabel,
  title,
  intro,
  confirmLabel,
  danger = false,
  pending,
  error,
  onConfirm,
  children,
}: {
  label: string;
  ariaLabel: string;
  title: string;
  intro: string;
  confirmLabel: string;
  danger?: boolean;
  pending: boolean;
  error: Error | null;
  onConfirm: (data: FormData) => Promise<unknown>;
  children?: ReactNode;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onConfirm(new FormData(event.currentTarget)).then(close, () => undefined);
  };
  return (
    <>
      <Button
        size="xs"
        variant="default"
        color={danger ? "red.9" : undefined}
        aria-label={ariaLabel}
        onClick={open}
      >
        {label}
      </Button>
      <Dialog opened={opened} onClose={close} title={title}>
        <form onSubmit={submit}>
          <Stack>
            <Text>{intro}</Text>
            {children}
            <ErrorAlert error={error} />
            <DialogActions onDismiss={close} confirmLabel={confirmLabel} danger={danger} pending={pending} />
          </Stack>
        </form>
      </Dialog>
    </>
  );
}
