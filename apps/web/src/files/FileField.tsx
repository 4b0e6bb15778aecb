import { ActionIcon, Button, FileButton, Group, Input, List, Progress, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type DragEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import { currentLocale } from "../i18n";
import { useLocaleFormat } from "../i18n/format";
import { checkFiles, type FileRefusal } from "./check-files";

/** "10 Mo": the server counts sizes in mebibytes (attachments.ts), as its refusals say. */
function megabytes(bytes: number): string {
  return new Intl.NumberFormat(currentLocale() === "en" ? "en-GB" : "fr-FR", {
    style: "unit",
    unit: "megabyte",
    maximumFractionDigits: 1,
  }).format(bytes / 1024 / 1024);
}

/**
 * Files for a message (issue 13): dropped on the field or chosen with its button, several at
 * once, each checked against the server's own rules (GET /api/attachments/rules) before anything
 * is sent, a refusal said at once with the file's name. While a form sends, `progress` (0 to 1)
 * shows how much has gone.
 */
export function FileField({
  files,
  onChange,
  progress,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  /** Share of the bytes sent, while sending. */
  progress?: number | null;
}) {
  const { t } = useTranslation();
  const { fileSize } = useLocaleFormat();
  const rules = useQuery({
    queryKey: keys.attachmentRules,
    queryFn: api.attachmentRules,
    staleTime: Infinity,
  });
  const [refusals, setRefusals] = useState<FileRefusal[]>([]);
  const [over, setOver] = useState(false);
  if (!rules.data) return null;
  const { maxBytes, maxFiles, extensions } = rules.data;
  const size = megabytes(maxBytes);
  const types = extensions.join(", ");
  const add = (added: File[]) => {
    const checked = checkFiles(files, added, rules.data);
    setRefusals(checked.refusals);
    onChange(checked.files);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    add([...event.dataTransfer.files]);
  };
  const sending = typeof progress === "number";
  const percent = Math.round((progress ?? 0) * 100);
  return (
    <Input.Wrapper
      labelElement="div"
      label={t("desk.files.label")}
      description={t("desk.files.hint", { count: maxFiles, size, types })}
    >
      <Stack gap="xs" mt={4}>
        <Group
          gap="xs"
          p="md"
          onDragOver={(event) => {
            event.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
          data-testid="file-drop"
          style={{
            border: `1px dashed var(--mantine-color-${over ? "blue-6" : "gray-5"})`,
            borderRadius: "var(--mantine-radius-sm)",
            background: over ? "var(--mantine-color-blue-0)" : undefined,
          }}
        >
          <Text size="sm">{t("desk.files.drop")}</Text>
          <FileButton onChange={add} multiple accept={extensions.join(",")}>
            {(props) => (
              <Button {...props} variant="default" size="xs" disabled={sending}>
                {t("desk.files.choose")}
              </Button>
            )}
          </FileButton>
        </Group>
        {refusals.length > 0 && (
          <List size="sm" c="red.8" role="alert">
            {refusals.map((refusal) => (
              <List.Item key={`${refusal.reason}-${refusal.name}`}>
                {t(`desk.files.${refusal.reason}`, {
                  name: refusal.name,
                  fileSize: fileSize(refusal.size),
                  size,
                  types,
                  count: maxFiles,
                })}
              </List.Item>
            ))}
          </List>
        )}
        {files.length > 0 && (
          <List size="sm" aria-label={t("desk.files.chosen")}>
            {files.map((file) => (
              <List.Item key={`${file.name}-${file.size}`}>
                <Group gap={6} wrap="nowrap">
                  <span>
                    {file.name} ({fileSize(file.size)})
                  </span>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    disabled={sending}
                    aria-label={t("desk.files.remove", { name: file.name })}
                    onClick={() => onChange(files.filter((f) => f !== file))}
                  >
                    ×
                  </ActionIcon>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {sending && (
          <Stack gap={2}>
            <Text size="sm" role="status">
              {t("desk.files.sending", { percent })}
            </Text>
            <Progress value={percent} aria-label={t("desk.files.sending", { percent })} />
          </Stack>
        )}
      </Stack>
    </Input.Wrapper>
  );
}
