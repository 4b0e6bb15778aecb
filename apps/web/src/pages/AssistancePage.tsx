import { Alert, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import type { Me } from "../api/types";
import { clausesOf } from "../clauses";
import { Allowed } from "../components/Allowed";
import { ErrorAlert } from "../components/ErrorAlert";
import { PageHeader } from "../components/PageHeader";
import { field } from "../form-data";
import { useLocaleFormat } from "../i18n/format";
import { can } from "../permissions";
import { useContract } from "../session";

/**
 * A provider agent enters a customer's tenant under the grant the customer gave
 * (MCR-ACC-05, MCR-SUP-13), or leaves it. Inside, the agent has a customer's rights, not the provider's.
 */
export function AssistancePage() {
  return <Allowed when={can.useSupportAccess}>{(me) => <Assistance me={me} />}</Allowed>;
}

function Assistance({ me }: { me: Me }) {
  const { t } = useTranslation();
  const contract = useContract().data;
  const queryClient = useQueryClient();
  // Everything cached was read under the previous tenant: start afresh.
  const act = useMutation({ mutationFn: api.act, onSuccess: () => queryClient.invalidateQueries() });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    act.mutate(field(new FormData(event.currentTarget), "reference"));
  };
  return (
    <Stack gap="md" maw={720}>
      <PageHeader
        title={t("assistance.title")}
        intro={t("assistance.intro")}
        clause={contract ? clausesOf(contract).supportGrants : undefined}
      />
      <ErrorAlert error={act.error} />
      {act.isSuccess && act.variables === null && (
        <Alert color="green" variant="light" role="status">
          {t("assistance.left")}
        </Alert>
      )}
      {me.acting ? (
        <Stack>
          <TenantSummary organisationId={me.acting.organisationId} name={me.acting.organisationName} />
          <Group>
            <Button variant="default" onClick={() => act.mutate(null)} loading={act.isPending}>
              {t("assistance.leave")}
            </Button>
          </Group>
        </Stack>
      ) : (
        <>
          <Text>{t("assistance.notActing")}</Text>
          <form onSubmit={submit}>
            <Group align="flex-end">
              <TextInput
                name="reference"
                label={t("assistance.reference")}
                required
                pattern="[0-9a-fA-F-]{36}"
                style={{ flex: 1 }}
                styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
              />
              <Button type="submit" loading={act.isPending}>
                {t("assistance.enter")}
              </Button>
            </Group>
          </form>
        </>
      )}
    </Stack>
  );
}

/** The tenant the agent works in, as the customer's own people see it. */
function TenantSummary({ organisationId, name }: { organisationId: string; name: string }) {
  const { t } = useTranslation();
  const { label, date } = useLocaleFormat();
  const contract = useContract().data;
  const organisation = useQuery({
    queryKey: keys.organisation(organisationId),
    queryFn: () => api.organisation(organisationId),
  });
  const items = new Map((contract?.catalogue ?? []).map((item) => [item.id, item.name]));
  return (
    <Alert color="orange" variant="light" role="status">
      <Text fw={700}>{t("assistance.acting", { organisation: name })}</Text>
      {organisation.data?.subscriptions.map((held) => {
        const itemName = items.get(held.catalogueItemId);
        return (
          <Text size="sm" key={`${held.catalogueItemId}-${held.startsOn}`}>
            {itemName ? label(itemName) : held.catalogueItemId} · {date(held.startsOn)}
          </Text>
        );
      })}
    </Alert>
  );
}
