import { Alert, Button, Group } from "@mantine/core";
import type { ReactNode } from "react";
import { ErrorAlert } from "./ErrorAlert";

/**
 * The end of a form: the server's refusal in its own words, or what was done, and the submit
 * button (busy while the request runs). With `withClause`, a refusal shows the clause it names;
 * `recovery` offers a way out of it.
 */
export function FormFooter({
  label,
  pending,
  error,
  done,
  variant = "filled",
  withClause = false,
  recovery,
}: {
  label: string;
  pending: boolean;
  error: Error | null;
  /** Said once the form succeeded. */
  done?: string;
  variant?: "filled" | "default";
  withClause?: boolean;
  recovery?: ReactNode;
}) {
  return (
    <>
      <ErrorAlert error={error} withClause={withClause}>
        {recovery}
      </ErrorAlert>
      {done && (
        <Alert color="green" variant="light" role="status">
          {done}
        </Alert>
      )}
      <Group>
        <Button type="submit" variant={variant} loading={pending}>
          {label}
        </Button>
      </Group>
    </>
  );
}
