import { Alert, Button, Table } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import type { ReactNode } from "react";

/**
 * Revoking one credential of a list that lives until revoked or expired (API tokens, support
 * grants): the mutation, the row's button (offered while active), and the notice once done.
 */
export function useRevocation(revoke: (id: string) => Promise<unknown>, refresh: () => unknown) {
  return useMutation({ mutationFn: revoke, onSuccess: refresh });
}

type Revocation = ReturnType<typeof useRevocation>;

export function RevokeCell({
  revocation,
  id,
  active,
  label,
  children,
}: {
  revocation: Revocation;
  id: string;
  active: boolean;
  /** Names the credential, for those who hear the button rather than see its row. */
  label: string;
  children: ReactNode;
}) {
  return (
    <Table.Td>
      {active && (
        <Button
          size="xs"
          variant="default"
          aria-label={label}
          loading={revocation.isPending && revocation.variables === id}
          onClick={() => revocation.mutate(id)}
        >
          {children}
        </Button>
      )}
    </Table.Td>
  );
}

export function RevokedNotice({ revocation, children }: { revocation: Revocation; children: ReactNode }) {
  return revocation.isSuccess ? (
    <Alert color="green" variant="light" role="status">
      {children}
    </Alert>
  ) : null;
}
