import { Badge } from "@mantine/core";
import { GREEN } from "../theme";

const COLOURS: Record<string, string> = {
  active: GREEN,
  sent: GREEN,
  success: GREEN,
  invited: "blue.9",
  pending: "blue.9",
  sending: "blue.9",
  suspended: "red.9",
  revoked: "red.9",
  failed: "red.9",
  failure: "red.9",
  deactivated: "gray.8",
  expired: "gray.8",
  // Tickets (the contract names each status; the badge always shows that name).
  new: "blue.9",
  in_progress: "cyan.9",
  on_hold: "violet.9",
  resolved: GREEN,
  closed: "gray.8",
  // Scheduled maintenance (in_progress as a ticket's; over and cancelled in grey).
  upcoming: "blue.9",
  // Subscriptions (issue 16).
  terminated: "gray.8",
  // Remediation plans of security audits (DSN-SEC-05).
  due: "blue.9",
  overdue: "red.9",
  filed: "cyan.9",
  approved: GREEN,
  "not-required": "gray.8",
};

/** A credential's state (a support grant, an API token): revoked, expired or active. */
export function lifecycleStatus(
  credential: { revokedAt: string | null; expiresAt: string },
  now: number,
): "active" | "expired" | "revoked" {
  if (credential.revokedAt) return "revoked";
  return new Date(credential.expiresAt).getTime() <= now ? "expired" : "active";
}

/** A status as a filled badge: dark shades keep white text above 4.5:1 contrast. */
export function StatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <Badge
      color={COLOURS[status] ?? "gray.8"}
      variant="filled"
      radius="sm"
      tt="none"
      // A narrow table column must not cut the word short.
      style={{ minWidth: "max-content" }}
    >
      {label}
    </Badge>
  );
}
