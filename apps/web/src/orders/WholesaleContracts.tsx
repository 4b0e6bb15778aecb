import { Alert, Button, Checkbox, Group, Stack, Table, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ordersApi, ordersKeys } from "../api/orders-endpoints";
import { ErrorAlert } from "../components/ErrorAlert";
import { RecordTable } from "../components/RecordTable";
import { Section } from "../components/Section";
import { checked, field } from "../form-data";
import { useLocaleFormat } from "../i18n/format";
import { useContract } from "../session";

/**
 * The wholesale contracts an operator holds and the e-services each allows (DSN-ORD-01, DSN art. 5
 * "en fonction des contrats relatifs aux offres de gros"): the operator reads them, the provider's
 * commercial staff record one, which makes the operator eligible from its signature.
 */
export function WholesaleContracts({
  organisationId,
  clause,
  canRecord,
}: {
  organisationId: string;
  clause: string;
  canRecord: boolean;
}) {
  const { t } = useTranslation();
  const { date, label } = useLocaleFormat();
  const queryClient = useQueryClient();
  const contract = useContract().data;
  const eServices = (contract?.catalogue ?? []).filter((item) => item.kind === "e-service");
  const names = new Map(eServices.map((item) => [item.id, label(item.name)]));
  const held = useQuery({
    queryKey: ordersKeys.wholesaleContracts(organisationId),
    queryFn: () => ordersApi.wholesaleContracts(organisationId),
  });
  const [recorded, setRecorded] = useState<string>();
  const record = useMutation({
    mutationFn: (body: Parameters<typeof ordersApi.recordWholesaleContract>[1]) =>
      ordersApi.recordWholesaleContract(organisationId, body),
    onSuccess: (_, body) => {
      void queryClient.invalidateQueries({ queryKey: ordersKeys.all });
      setRecorded(t("orders.wholesale.done", { reference: body.reference }));
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const endsOn = field(data, "endsOn");
    record.mutate({
      title: field(data, "title"),
      reference: field(data, "reference"),
      allowsItems: checked(
        data,
        "allowsItems",
        eServices.map((item) => item.id),
      ),
      signedOn: field(data, "signedOn"),
      endsOn: endsOn || null,
    });
  };
  return (
    <Section title={t("orders.wholesale.title")} intro={t("orders.wholesale.intro")} clause={clause}>
      <ErrorAlert error={held.error} />
      <RecordTable
        records={held.data}
        empty={t("orders.wholesale.empty")}
        headings={[
          t("orders.wholesale.contract"),
          t("orders.wholesale.allows"),
          t("orders.wholesale.signedOn"),
          t("orders.wholesale.endsOn"),
        ]}
        minWidth={560}
      >
        {(row) => (
          <Table.Tr key={row.id}>
            <Table.Td>
              {row.title} ({row.reference})
            </Table.Td>
            <Table.Td>{row.allowsItems.map((id) => names.get(id) ?? id).join(", ")}</Table.Td>
            <Table.Td>{date(row.signedOn)}</Table.Td>
            <Table.Td>{row.endsOn ? date(row.endsOn) : t("orders.wholesale.inForce")}</Table.Td>
          </Table.Tr>
        )}
      </RecordTable>
      {canRecord && (
        <form onSubmit={submit} aria-label={t("orders.wholesale.record")}>
          <Stack gap="xs">
            <Group align="flex-end">
              <TextInput name="title" required label={t("orders.wholesale.titleInput")} />
              <TextInput name="reference" required label={t("orders.wholesale.reference")} />
              <TextInput name="signedOn" type="date" required label={t("orders.wholesale.signedOn")} />
              <TextInput name="endsOn" type="date" label={t("orders.wholesale.endsOnInput")} />
            </Group>
            <Checkbox.Group label={t("orders.wholesale.allows")} withAsterisk>
              <Group gap="md" mt={4}>
                {eServices.map((item) => (
                  <Checkbox key={item.id} name="allowsItems" value={item.id} label={label(item.name)} />
                ))}
              </Group>
            </Checkbox.Group>
            <Group justify="flex-end">
              <Button type="submit" loading={record.isPending}>
                {t("orders.wholesale.record")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {recorded && !record.error && (
        <Alert color="green" variant="light" role="status">
          {recorded}
        </Alert>
      )}
      <ErrorAlert error={record.error} />
    </Section>
  );
}
