import { Alert, Button, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { PortalOutage } from "../api/desk-types";
import { api, keys } from "../api/endpoints";
import { DeploymentTimeInput, useDeploymentTimeZone } from "../components/DeploymentTimeInput";
import { ErrorAlert } from "../components/ErrorAlert";
import { FormFooter } from "../components/FormFooter";
import { Section } from "../components/Section";
import { field, localToIso } from "../form-data";
import { useLocaleFormat } from "../i18n/format";

/**
 * The provider declares the portal unavailable, from now and until it ends it or until a planned
 * end; meanwhile e-mail opens tickets where the contract takes it only then (MCR-SUP-03, DSN-SUP-08).
 * Without such a clause the declaration is information only.
 */
export function OutageSection({ clause }: { clause?: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: keys.outage, queryFn: api.currentOutage });
  // The request form reads the outage too: e-mail is accepted meanwhile.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.outage }),
      queryClient.invalidateQueries({ queryKey: keys.deskForm }),
    ]);
  const declare = useMutation({ mutationFn: api.declareOutage, onSuccess: refresh });
  const end = useMutation({ mutationFn: api.endOutage, onSuccess: refresh });
  const outage = current.data;
  // The planned end is typed in the deployment's named zone, as every date-time field (issue 13).
  const zone = useDeploymentTimeZone();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const endsAt = field(data, "endsAt");
    end.reset();
    declare.mutate({ reason: field(data, "reason"), endsAt: endsAt ? localToIso(endsAt, zone) : null });
  };

  return (
    <Section
      title={t("maintenance.outage.heading")}
      intro={clause ? t("maintenance.outage.intro") : t("maintenance.outage.infoOnly")}
      clause={clause}
    >
      <ErrorAlert error={current.error} />
      {outage ? (
        <CurrentOutage
          outage={outage}
          ending={end.isPending}
          error={end.error}
          onEnd={() => end.mutate(outage.id)}
        />
      ) : (
        current.isSuccess && (
          <>
            {end.isSuccess ? (
              <Alert color="green" variant="light" role="status">
                {t("maintenance.outage.ended")}
              </Alert>
            ) : (
              <Text>{t("maintenance.outage.none")}</Text>
            )}
            <Title order={3} size="h4">
              {t("maintenance.outage.declareHeading")}
            </Title>
            <form onSubmit={submit}>
              <Stack maw={820}>
                <Textarea
                  name="reason"
                  label={t("maintenance.outage.reasonLabel")}
                  description={t("maintenance.outage.reasonHint")}
                  required
                  minLength={3}
                  maxLength={2_000}
                  autosize
                  minRows={2}
                />
                <DeploymentTimeInput
                  name="endsAt"
                  label={t("maintenance.outage.endsAt")}
                  description={t("maintenance.outage.endsHint")}
                  maw={320}
                />
                <FormFooter
                  label={t("maintenance.outage.declare")}
                  pending={declare.isPending}
                  error={declare.error}
                  withClause
                />
              </Stack>
            </form>
          </>
        )
      )}
    </Section>
  );
}

/** The outage under way: since when, until when if planned, why, and the button that ends it. */
function CurrentOutage({
  outage,
  ending,
  error,
  onEnd,
}: {
  outage: PortalOutage;
  ending: boolean;
  error: Error | null;
  onEnd: () => void;
}) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  return (
    <Alert color="yellow" variant="light" role="status">
      <Stack gap="xs" align="flex-start">
        <Text fw={700}>{t("maintenance.outage.current", { date: dateTime(outage.startsAt) })}</Text>
        {outage.endsAt && <Text>{t("maintenance.outage.until", { date: dateTime(outage.endsAt) })}</Text>}
        <Text>{t("maintenance.outage.reason", { reason: outage.reason })}</Text>
        <ErrorAlert error={error} />
        <Button variant="default" loading={ending} onClick={onEnd}>
          {t("maintenance.outage.end")}
        </Button>
      </Stack>
    </Alert>
  );
}
