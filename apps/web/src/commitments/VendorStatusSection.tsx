import { Alert, Button, Group, Select, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CommitmentsView, VendorStatusInput } from "../api/commitments-types";
import { ErrorAlert } from "../components/ErrorAlert";
import { Section } from "../components/Section";
import { useCommitmentActions } from "./use-commitments";

type Action = VendorStatusInput["action"];
const ACTIONS: Action[] = ["suspend", "resume", "terminate"];

/**
 * Staff record a cloud vendor's suspension, return or refusal of access (MCR 5.1, MCR-ACC-06):
 * that vendor's service only changes, from today; the others and the support plan go on.
 */
export function VendorStatusSection({
  organisationId,
  view,
}: {
  organisationId: string;
  view: CommitmentsView;
}) {
  const { t } = useTranslation();
  const { vendorStatus } = useCommitmentActions(organisationId);
  const [service, setService] = useState<string | null>(null);
  const [action, setAction] = useState<Action>("suspend");
  const [done, setDone] = useState<string>();
  const clause = view.termination.vendorClause;
  const vendors = view.subscriptions.filter((s) => s.kind === "cloud" && s.endsOn === null);
  if (!clause || vendors.length === 0) return null;
  const actionLabel = (a: Action) => t(`commitments.vendorActions.${a}`);
  return (
    <Section title={t("commitments.vendorTitle")} intro={t("commitments.vendorIntro")} clause={clause}>
      <form
        aria-label={t("commitments.vendorTitle")}
        onSubmit={(event) => {
          event.preventDefault();
          const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
          const chosen = vendors.find((s) => s.id === service);
          if (!chosen) return;
          vendorStatus.mutate(
            { subscriptionId: chosen.id, action, reason },
            {
              onSuccess: () =>
                setDone(t("commitments.vendorDone", { service: chosen.name, action: actionLabel(action) })),
            },
          );
        }}
      >
        <Group align="flex-end">
          <Select
            label={t("commitments.vendorService")}
            data={vendors.map((s) => ({ value: s.id, label: s.name }))}
            value={service}
            onChange={setService}
            allowDeselect={false}
            required
          />
          <Select
            label={t("commitments.vendorAction")}
            data={ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))}
            value={action}
            onChange={(value) => setAction(ACTIONS.find((a) => a === value) ?? "suspend")}
            allowDeselect={false}
          />
          <TextInput name="reason" required minLength={3} label={t("commitments.vendorReason")} />
          <Button type="submit" disabled={!service} loading={vendorStatus.isPending}>
            {t("commitments.vendorSubmit")}
          </Button>
        </Group>
      </form>
      {done && !vendorStatus.error && (
        <Alert color="green" variant="light" role="status">
          {done}
        </Alert>
      )}
      <ErrorAlert error={vendorStatus.error} withClause />
    </Section>
  );
}
