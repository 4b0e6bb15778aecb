import { Alert, Button, Group } from "@mantine/core";
import { ErrorAlert } from "./ErrorAlert";

/**
 * The end of a form: the server's refusal in its own words, or what was done, and the submit
 * button (busy while the request runs).
 */
export function FormFooter({
  label,
  pending,
  error,
  done,
  variant = "filled",
}: {
  label: string;
  pending: boolean;
  error: Error | null;
  /** Said once the form succeeded. */
  done?: string;
  variant?: "filled" | "default";
}) {
  return (
    <>
      <ErrorAlert error={error} />
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
