import { Anchor, Badge, Group, List, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TimelineEntry } from "../api/desk-types";
import type { Priority, TicketStatus } from "../api/types";
import { ClauseTag } from "../components/ClauseTag";
import { useLocaleFormat } from "../i18n/format";
import { useDeskLabels } from "./vocabulary";

interface ChangeData {
  from?: string;
  to?: string;
  reason?: string;
  clause?: string | null;
  assignee?: string | null;
}

const INTERNAL_REASONS = [
  "info_provided",
  "reopened_by_reply",
  "answered",
  "priority_dispute",
  "priority_decided",
  "auto_closed",
] as const;

/** The headline of an entry: what happened ("Statut : En cours → Résolu", "Note interne"…). */
function useHeadline() {
  const { t } = useTranslation();
  const labels = useDeskLabels();
  return (entry: TimelineEntry): string => {
    const data = entry.data as ChangeData;
    const status = (id?: string) => (id ? labels.status(id as TicketStatus) : "");
    const priority = (id?: string) => (id ? labels.priority(id as Priority) : "");
    switch (entry.type) {
      case "created":
        return t("desk.timeline.created");
      case "message":
        return entry.visibility === "internal" ? t("desk.timeline.internal") : t("desk.timeline.message");
      case "call_logged":
        return t("desk.timeline.call");
      case "status_changed":
        return t("desk.timeline.status", { from: status(data.from), to: status(data.to) });
      case "priority_changed":
        return t("desk.timeline.priority", { from: priority(data.from), to: priority(data.to) });
      case "priority_proposed":
        return t("desk.timeline.proposed", { from: priority(data.from), to: priority(data.to) });
      case "assigned":
        return data.assignee
          ? t("desk.timeline.assigned", { name: data.assignee })
          : t("desk.timeline.unassigned");
      default:
        return entry.type;
    }
  };
}

/** Why a status changed: an out-of-scope reason of the contract (MCR-SUP-11) or the desk's own. */
function useReason() {
  const { t } = useTranslation();
  const labels = useDeskLabels();
  return (entry: TimelineEntry): string | undefined => {
    const reason = (entry.data as ChangeData).reason;
    if (entry.type !== "status_changed" || !reason) return undefined;
    if (labels.isOutOfScope(reason)) return t("desk.timeline.reason", { reason: labels.outOfScope(reason) });
    const known = INTERNAL_REASONS.find((candidate) => candidate === reason);
    return known ? t(`desk.timeline.reasons.${known}`) : undefined;
  };
}

function Entry({ entry, ticketId }: { entry: TimelineEntry; ticketId: string }) {
  const { t } = useTranslation();
  const { dateTime, fileSize } = useLocaleFormat();
  const headline = useHeadline();
  const reason = useReason()(entry);
  const internal = entry.visibility === "internal";
  const clause = (entry.data as ChangeData).clause;
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      bg={internal ? "yellow.0" : undefined}
      style={internal ? { borderLeft: "4px solid var(--mantine-color-yellow-8)" } : undefined}
      data-visibility={entry.visibility}
    >
      <Group justify="space-between" align="baseline" wrap="wrap" gap="xs">
        <Group gap="xs" align="baseline">
          {internal && (
            <Badge color="dark" variant="outline" radius="sm" tt="none">
              {t("desk.timeline.internal")}
            </Badge>
          )}
          <Text fw={700}>{headline(entry)}</Text>
          {clause && <ClauseTag clause={clause} />}
        </Group>
        <Text size="sm" c="dimmed">
          {entry.author} ({t(`desk.timeline.sides.${entry.side}`)}) · {dateTime(entry.at)}
          {entry.channel && entry.channel !== "portal"
            ? ` · ${t("desk.timeline.byChannel", { channel: t(`desk.timeline.channels.${entry.channel}`) })}`
            : ""}
        </Text>
      </Group>
      {reason && <Text mt={4}>{reason}</Text>}
      {entry.body && (
        <Text mt={4} style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
          {entry.body}
        </Text>
      )}
      {entry.attachments.length > 0 && (
        <List size="sm" mt={4} aria-label={t("desk.timeline.attachments")}>
          {entry.attachments.map((file) => (
            <List.Item key={file.id}>
              <Anchor href={`/api/tickets/${ticketId}/attachments/${file.id}`} download={file.fileName}>
                {file.fileName}
              </Anchor>{" "}
              ({fileSize(file.size)})
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}

/** A ticket's history, oldest first; internal notes stand apart, by their label and their colour. */
export function Timeline({ entries, ticketId }: { entries: TimelineEntry[]; ticketId: string }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <Text>{t("desk.ticket.timelineEmpty")}</Text>;
  return (
    <Stack gap="sm" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {entries.map((entry) => (
        <Entry key={entry.seq} entry={entry} ticketId={ticketId} />
      ))}
    </Stack>
  );
}
