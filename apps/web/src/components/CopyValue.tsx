import { Button, CopyButton, Group, TextInput } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { GREEN } from "../theme";

/** A value to copy (a token, an otpauth URI): read-only field and a copy button. */
export function CopyValue({
  label,
  value,
  copyLabel,
  copiedLabel,
}: {
  label: string;
  value: string;
  copyLabel?: string;
  copiedLabel?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        id={id}
        label={label}
        value={value}
        readOnly
        style={{ flex: 1 }}
        styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
        onFocus={(event) => event.currentTarget.select()}
      />
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button variant={copied ? "filled" : "default"} color={copied ? GREEN : undefined} onClick={copy}>
            {copied ? (copiedLabel ?? t("common.copied")) : (copyLabel ?? t("common.copy"))}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
