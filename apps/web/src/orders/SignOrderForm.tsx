import { Button, FileInput, Group, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ordersApi, ordersKeys } from "../api/orders-endpoints";
import type { OrderView } from "../api/orders-types";
import { ErrorAlert } from "../components/ErrorAlert";
import { field } from "../form-data";

/** The SHA-256 of the exact bytes of the order form the signer is shown, computed in the browser. */
async function sha256Of(url: string): Promise<string> {
  const bytes = await (await fetch(url, { credentials: "same-origin" })).arrayBuffer();
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** A file's bytes in base64, as the signed-scan route takes them. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

interface Signer {
  signerName: string;
  signerRole: string;
}

/**
 * Signs the order form (DSN art. 5): in the portal, with the signer's name and role and the
 * SHA-256 of the PDF as downloaded here (the server records the instant and address, and refuses a
 * document other than the one it generated); or by uploading the form signed by hand, scanned.
 */
export function SignOrderForm({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [scan, setScan] = useState<File | null>(null);
  const sign = useMutation({
    mutationFn: async (input: Signer) =>
      scan
        ? ordersApi.signedScan(order.id, { ...input, pdfBase64: await base64Of(scan) })
        : ordersApi.sign(order.id, { ...input, sha256: await sha256Of(ordersApi.orderFormUrl(order.id)) }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ordersKeys.all }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    sign.mutate({ signerName: field(data, "signerName"), signerRole: field(data, "signerRole") });
  };
  return (
    <form onSubmit={submit} aria-label={t("orders.sign.heading", { reference: order.reference })}>
      <Stack gap="xs">
        <Text size="sm">{t("orders.sign.intro")}</Text>
        <Group align="flex-end">
          <TextInput name="signerName" label={t("orders.sign.name")} required />
          <TextInput name="signerRole" label={t("orders.sign.role")} required />
        </Group>
        <FileInput
          label={t("orders.sign.scan")}
          accept="application/pdf"
          value={scan}
          onChange={setScan}
          clearable
        />
        <Group>
          <Button type="submit" loading={sign.isPending}>
            {t(scan ? "orders.sign.scanSubmit" : "orders.sign.submit")}
          </Button>
        </Group>
        <ErrorAlert error={sign.error} withClause />
      </Stack>
    </form>
  );
}
