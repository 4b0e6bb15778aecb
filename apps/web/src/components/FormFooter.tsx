import { Alert, Button, Group, Text } from "@mantine/core";
import { type ReactNode, useId } from "react";
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
  disabledReason,
}: {
  label: string;
  pending: boolean;
  error: Error | null;
  /** Said once the form succeeded. */
  done?: string;
  variant?: "filled" | "default";
  withClause?: boolean;
  recovery?: ReactNode;
  /** Why the form cannot be sent now: the button is disabled and says why (issue 14). */
  disabledReason?: string;
}) {
  const reasonId = useId();
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
      {disabledReason && (
        <Text c="red.9" id={reasonId}>
          {disabledReason}
        </Text>
      )}
      <Group>
        <Button
          type="submit"
          variant={variant}
          loading={pending}
          disabled={Boolean(disabledReason)}
          aria-describedby={disabledReason ? reasonId : undefined}
        >
          {label}
        </Button>
      </Group>
    </>
  );
}
