import { Alert, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MaintenanceView } from "../api/desk-types";
import { api, keys } from "../api/endpoints";
import type { Me } from "../api/types";
import { clausesOf } from "../clauses";
import { Allowed } from "../components/Allowed";
import { ErrorAlert } from "../components/ErrorAlert";
import { PageHeader } from "../components/PageHeader";
import { ReasonDialogButton } from "../components/ReasonDialogButton";
import { Section } from "../components/Section";
import { AnnounceForm } from "../maintenance/AnnounceForm";
import { MaintenanceHistory } from "../maintenance/MaintenanceHistory";
import { MaintenanceItems } from "../maintenance/MaintenanceItems";
import { OutageSection } from "../maintenance/OutageSection";
import { useMaintenance, useToldText } from "../maintenance/use-maintenance";
import { can } from "../permissions";
import { useContract } from "../session";

const mayOpen = (me: Me) => can.planMaintenance(me) || can.followMaintenance(me);

/**
 * Scheduled maintenance (DSN-SUP-07): the provider's admins and agents announce and cancel it and
 * declare portal outages (MCR-SUP-03, DSN-SUP-08); a customer reads the maintenance of its services.
 */
export function MaintenancePage() {
  return (
    <Allowed when={mayOpen}>{(me) => (can.planMaintenance(me) ? <Operations /> : <Customer />)}</Allowed>
  );
}

function Operations() {
  const { t } = useTranslation();
  const contract = useContract().data;
  if (!contract) return null;
  const clauses = clausesOf(contract);
  return (
    <Stack gap={0}>
      {/* Each section cites its own clause: DSN-SUP-07 for maintenance, the outage's for outages. */}
      <PageHeader title={t("maintenance.title")} intro={t("maintenance.intro")} />
      {clauses.maintenance ? (
        <>
          <Section
            title={t("maintenance.announce.heading")}
            intro={t("maintenance.announce.intro")}
            clause={clauses.maintenance}
          >
            <AnnounceForm contract={contract} />
          </Section>
          <Announced />
        </>
      ) : (
        <Text mb="xl">{t("maintenance.notInContract")}</Text>
      )}
      <OutageSection clause={clauses.portalOutage} />
      {/* Last: it only grows, and must not push the outage section down. */}
      {clauses.maintenance && <MaintenanceHistory />}
    </Stack>
  );
}

/** What is announced, soonest first, each cancellable while it has not ended. */
function Announced() {
  const { t } = useTranslation();
  const maintenance = useMaintenance();
  const [cancelled, setCancelled] = useState<string>();
  return (
    <Section title={t("maintenance.list.heading")} intro={t("maintenance.list.intro")}>
      <ErrorAlert error={maintenance.error} />
      {cancelled && (
        <Alert color="green" variant="light" role="status">
          {cancelled}
        </Alert>
      )}
      {maintenance.data?.length === 0 && <Text>{t("maintenance.list.empty")}</Text>}
      {maintenance.data && (
        <MaintenanceItems
          items={maintenance.data}
          action={(item) => <CancelButton maintenance={item} onDone={setCancelled} />}
        />
      )}
    </Section>
  );
}

/** Cancels a maintenance with a reason, which the customers holding the service are told. */
function CancelButton({
  maintenance,
  onDone,
}: {
  maintenance: MaintenanceView;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toldText = useToldText();
  const { title } = maintenance;
  const cancel = useMutation({
    mutationFn: (reason: string) => api.cancelMaintenance(maintenance.id, reason),
    onSuccess: async (change) => {
      onDone(t("maintenance.cancel.done", { title, ...toldText(change) }));
      await queryClient.invalidateQueries({ queryKey: keys.maintenance });
    },
  });
  return (
    <ReasonDialogButton
      label={t("maintenance.list.cancel")}
      ariaLabel={t("maintenance.list.cancelLabel", { title })}
      title={t("maintenance.cancel.title", { title })}
      intro={t("maintenance.cancel.intro")}
      clause={maintenance.clause}
      reasonHint={t("maintenance.cancel.reasonHint")}
      confirmLabel={t("maintenance.cancel.confirm")}
      dismissLabel={t("maintenance.cancel.keep")}
      maxLength={2_000}
      pending={cancel.isPending}
      error={cancel.error}
      onConfirm={(reason, close) => cancel.mutate(reason, { onSuccess: close })}
    />
  );
}

/** The customer's view: the maintenance of the services its organisation holds, with the whole text. */
function Customer() {
  const { t } = useTranslation();
  const contract = useContract().data;
  const maintenance = useMaintenance();
  return (
    <Stack gap="md">
      <PageHeader
        title={t("maintenance.customerTitle")}
        intro={t("maintenance.customerIntro")}
        clause={contract && clausesOf(contract).maintenance}
      />
      <ErrorAlert error={maintenance.error} />
      {maintenance.data?.length === 0 && <Text>{t("maintenance.list.empty")}</Text>}
      {maintenance.data && <MaintenanceItems items={maintenance.data} />}
    </Stack>
  );
}
