import { Group, List, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import type { ContractSummary } from "../api/types";
import { Allowed } from "../components/Allowed";
import { ErrorAlert } from "../components/ErrorAlert";
import { PageHeader } from "../components/PageHeader";
import { Section } from "../components/Section";
import { StatusBadge } from "../components/StatusBadge";
import { ChannelsHelp } from "../desk/ChannelsHelp";
import { PriorityMatrix } from "../desk/PriorityMatrix";
import { useDeskWords } from "../desk/vocabulary";
import { useLocaleFormat } from "../i18n/format";
import { can } from "../permissions";
import { useContract } from "../session";

/**
 * Help for the customer's own plan (MCR-POR-01): what each priority means and its target, the
 * channels and how to write by e-mail where the plan allows it, the steps of a request.
 */
export function HelpPage() {
  return <Allowed when={can.followRequests}>{() => <Help />}</Allowed>;
}

function Help() {
  const { t } = useTranslation();
  const words = useDeskWords();
  const contract = useContract().data;
  const form = useQuery({ queryKey: keys.deskForm, queryFn: api.deskForm });
  const plan = contract?.supportPlans.find((candidate) => candidate.id === form.data?.plan.key);
  return (
    <Stack gap={0}>
      <PageHeader title={t("desk.help.title")} intro={t(`deskWords.${words}.helpIntro`)} />
      <ErrorAlert error={form.error} />
      {form.data && contract && (
        <>
          <Section
            title={t("desk.matrix.heading")}
            intro={t("desk.form.plan", { plan: form.data.plan.name })}
            clause={form.data.prioritiesClause}
          >
            <PriorityMatrix form={form.data} />
          </Section>
          {plan && <ChannelsHelp form={form.data} channels={plan.channels} contract={contract} />}
          <Lifecycle contract={contract} />
        </>
      )}
    </Stack>
  );
}

/** The contract's statuses, in lifecycle order, each with its clause (MCR-SUP-10, DSN-SUP-02..05). */
function Lifecycle({ contract }: { contract: ContractSummary }) {
  const { t } = useTranslation();
  const words = useDeskWords();
  const { label } = useLocaleFormat();
  return (
    <Section title={t("desk.help.lifecycle")} intro={t(`deskWords.${words}.lifecycleIntro`)}>
      <List spacing="xs" type="ordered">
        {contract.ticketWorkflow.statuses.map((status) => (
          <List.Item key={status.id}>
            <Group gap="xs">
              <StatusBadge status={status.id} label={label(status.label)} />
              <span>({status.clause})</span>
            </Group>
          </List.Item>
        ))}
      </List>
    </Section>
  );
}
