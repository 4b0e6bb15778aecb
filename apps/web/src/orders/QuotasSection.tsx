import {
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ordersApi, ordersKeys } from "../api/orders-endpoints";
import type { QuotaView } from "../api/orders-types";
import { ErrorAlert } from "../components/ErrorAlert";
import { RecordTable } from "../components/RecordTable";
import { Section } from "../components/Section";
import { field } from "../form-data";
import { useLocaleFormat } from "../i18n/format";
import { useContract } from "../session";

type Request = QuotaView["requests"][number];

/**
 * Resource quotas (MCR 9.1, MCR-ORD-04): a maximum per cloud vendor and resource set by the
 * provider; the customer's administrator asks for more, staff accept (the maximum rises) or refuse,
 * each step audited by the server. Shown where the contract has quotas.
 */
export function QuotasSection({
  organisationId,
  clause,
  canSet,
  canAsk,
}: {
  organisationId: string;
  clause: string;
  canSet: boolean;
  canAsk: boolean;
}) {
  const { t } = useTranslation();
  const { label } = useLocaleFormat();
  const queryClient = useQueryClient();
  const contract = useContract().data;
  const vendors = (contract?.catalogue ?? []).filter((item) => item.kind === "cloud");
  const names = new Map(vendors.map((item) => [item.id, label(item.name)]));
  const quotas = useQuery({
    queryKey: ordersKeys.quotas(organisationId),
    queryFn: () => ordersApi.quotas(organisationId),
  });
  const [notice, setNotice] = useState<string>();
  const done = (text: string) => () => {
    void queryClient.invalidateQueries({ queryKey: ordersKeys.quotas(organisationId) });
    setNotice(text);
  };
  const set = useMutation({
    mutationFn: (body: Parameters<typeof ordersApi.setQuota>[1]) => ordersApi.setQuota(organisationId, body),
    onSuccess: done(t("orders.quotas.setDone")),
  });
  const ask = useMutation({
    mutationFn: (input: { quotaId: string; requestedMaximum: number; reason: string }) =>
      ordersApi.askQuota(organisationId, input.quotaId, {
        requestedMaximum: input.requestedMaximum,
        reason: input.reason,
      }),
    onSuccess: done(t("orders.quotas.askDone")),
  });
  const decide = useMutation({
    mutationFn: (input: { requestId: string; accept: boolean; reason: string }) =>
      ordersApi.decideQuota(input.requestId, { accept: input.accept, reason: input.reason }),
    onSuccess: (_, input) => done(t(input.accept ? "orders.quotas.accepted" : "orders.quotas.refused"))(),
  });
  const submitSet = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    set.mutate({
      catalogueItemId: field(data, "catalogueItemId"),
      resource: field(data, "resource"),
      maximum: Number(field(data, "maximum")),
    });
  };
  const pending = (quota: QuotaView) => quota.requests.find((r) => r.status === "pending");
  return (
    <Section title={t("orders.quotas.title")} intro={t("orders.quotas.intro")} clause={clause}>
      <ErrorAlert error={quotas.error} />
      <RecordTable
        records={quotas.data}
        empty={t("orders.quotas.empty")}
        headings={[
          t("orders.quotas.vendor"),
          t("orders.quotas.resource"),
          t("orders.quotas.maximum"),
          t("orders.quotas.requests"),
        ]}
        minWidth={720}
      >
        {(quota) => (
          <Table.Tr key={quota.id}>
            <Table.Td>{names.get(quota.catalogueItemId) ?? quota.catalogueItemId}</Table.Td>
            <Table.Td>{quota.resource}</Table.Td>
            <Table.Td>{quota.maximum}</Table.Td>
            <Table.Td>
              <Stack gap={4}>
                {quota.requests.map((r) => (
                  <RequestLine key={r.id} request={r} />
                ))}
                {canSet && pending(quota) && (
                  <DecideForm
                    request={pending(quota) as Request}
                    onDecide={(accept, reason) =>
                      decide.mutate({ requestId: (pending(quota) as Request).id, accept, reason })
                    }
                  />
                )}
                {canAsk && !pending(quota) && (
                  <form
                    aria-label={t("orders.quotas.ask", { resource: quota.resource })}
                    onSubmit={(event) => {
                      event.preventDefault();
                      const data = new FormData(event.currentTarget);
                      ask.mutate({
                        quotaId: quota.id,
                        requestedMaximum: Number(field(data, "requestedMaximum")),
                        reason: field(data, "reason"),
                      });
                    }}
                  >
                    <Group align="flex-end" gap="xs">
                      <NumberInput
                        name="requestedMaximum"
                        required
                        min={quota.maximum + 1}
                        label={t("orders.quotas.requestedMaximum")}
                        w={140}
                      />
                      <TextInput name="reason" required minLength={3} label={t("orders.quotas.reason")} />
                      <Button type="submit" loading={ask.isPending}>
                        {t("orders.quotas.askSubmit")}
                      </Button>
                    </Group>
                  </form>
                )}
              </Stack>
            </Table.Td>
          </Table.Tr>
        )}
      </RecordTable>
      {canSet && (
        <form onSubmit={submitSet} aria-label={t("orders.quotas.set")}>
          <Group align="flex-end">
            <NativeSelect
              name="catalogueItemId"
              label={t("orders.quotas.vendor")}
              data={vendors.map((item) => ({ value: item.id, label: label(item.name) }))}
            />
            <TextInput name="resource" required label={t("orders.quotas.resource")} />
            <NumberInput name="maximum" required min={0} label={t("orders.quotas.maximum")} w={140} />
            <Button type="submit" loading={set.isPending}>
              {t("orders.quotas.set")}
            </Button>
          </Group>
        </form>
      )}
      {notice && !set.error && !ask.error && !decide.error && (
        <Alert color="green" variant="light" role="status">
          {notice}
        </Alert>
      )}
      <ErrorAlert error={set.error ?? ask.error ?? decide.error} withClause />
    </Section>
  );
}

function RequestLine({ request }: { request: Request }) {
  const { t } = useTranslation();
  const { date } = useLocaleFormat();
  return (
    <Text size="sm">
      {t(`orders.quotas.request.${request.status}`, {
        maximum: request.requestedMaximum,
        date: date(request.requestedAt.slice(0, 10)),
        reason: request.reason,
        answer: request.decisionReason ?? "",
      })}
    </Text>
  );
}

/** Staff accept (the maximum rises) or refuse a pending request, with the reason told to the customer. */
function DecideForm({
  request,
  onDecide,
}: {
  request: Request;
  onDecide: (accept: boolean, reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  return (
    <Group align="flex-end" gap="xs">
      <TextInput
        label={t("orders.quotas.decisionReason", { maximum: request.requestedMaximum })}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
      />
      <Button disabled={reason.trim().length < 3} onClick={() => onDecide(true, reason)}>
        {t("orders.quotas.accept")}
      </Button>
      <Button
        color="red"
        variant="light"
        disabled={reason.trim().length < 3}
        onClick={() => onDecide(false, reason)}
      >
        {t("orders.quotas.refuse")}
      </Button>
    </Group>
  );
}
