import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
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

/**
 * Signs the order form in the portal (DSN art. 5): the signer's name and role, and the SHA-256 of
 * the PDF as downloaded here; the server records the instant and address, and refuses a document
 * other than the one it generated.
 */
export function SignOrderForm({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sign = useMutation({
    mutationFn: async (input: { signerName: string; signerRole: string }) =>
      ordersApi.sign(order.id, { ...input, sha256: await sha256Of(ordersApi.orderFormUrl(order.id)) }),
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
          <Button type="submit" loading={sign.isPending}>
            {t("orders.sign.submit")}
          </Button>
        </Group>
        <ErrorAlert error={sign.error} withClause />
      </Stack>
    </form>
  );
}
