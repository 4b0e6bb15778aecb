import { Button, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { api, keys } from "../api/endpoints";
import type { ContractSummary } from "../api/types";
import { DeploymentTimeInput, useDeploymentTimeZone } from "../components/DeploymentTimeInput";
import { FormFooter } from "../components/FormFooter";
import { field, inputValueOf, localToIso } from "../form-data";
import { useLocaleFormat } from "../i18n/format";
import { useToldText } from "./use-maintenance";

const QUARTER = 15 * 60_000;

/**
 * The start the server would accept, from its refusal of a notice too short (details.earliestStart),
 * moved to a quarter of an hour at least 15 minutes later: the notice runs from the moment of the
 * next try, not of this one.
 */
function earliestStartOf(error: Error | null): number | undefined {
  if (!(error instanceof ApiError) || error.details.reason !== "notice_too_short") return undefined;
  const earliest = Date.parse(String(error.details.earliestStart));
  return Number.isNaN(earliest) ? undefined : Math.ceil((earliest + QUARTER) / QUARTER) * QUARTER;
}

/**
 * A maintenance of a service, announced with its dates, times and expected interruption
 * (DSN-SUP-07), typed in the deployment's named zone wherever the browser is (issue 13). The server applies the contract's notice: its refusal says
 * the notice and the clause, and the form offers the earliest start it allows.
 */
export function AnnounceForm({ contract }: { contract: ContractSummary }) {
  const { t } = useTranslation();
  const { label, dateTime } = useLocaleFormat();
  const queryClient = useQueryClient();
  const toldText = useToldText();
  const zone = useDeploymentTimeZone();
  // Controlled, so a refusal can move the period to the earliest start allowed.
  const [startsAt, setStartsAt] = useState("");
  const [endsAt, setEndsAt] = useState("");
  const announce = useMutation({
    mutationFn: api.announceMaintenance,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.maintenance }),
  });
  const earliest = earliestStartOf(announce.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    announce.mutate(
      {
        catalogueItemId: field(data, "service"),
        title: field(data, "title"),
        description: field(data, "description"),
        startsAt: localToIso(startsAt, zone),
        endsAt: localToIso(endsAt, zone),
        expectedMinutes: Number(field(data, "expectedMinutes")),
      },
      {
        onSuccess: () => {
          form.reset();
          setStartsAt("");
          setEndsAt("");
        },
      },
    );
  };

  /** Keeps the period's length, starting at the earliest start allowed. */
  const moveToEarliest = (start: number) => {
    const length =
      startsAt && endsAt ? Date.parse(localToIso(endsAt, zone)) - Date.parse(localToIso(startsAt, zone)) : 0;
    setStartsAt(inputValueOf(start, zone));
    if (length > 0) setEndsAt(inputValueOf(start + length, zone));
    announce.reset();
  };

  return (
    <form onSubmit={submit}>
      <Stack maw={820}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            name="service"
            label={t("maintenance.announce.service")}
            required
            defaultValue=""
            data={[
              { value: "", label: t("maintenance.announce.chooseService") },
              ...contract.catalogue.map((item) => ({ value: item.id, label: label(item.name) })),
            ]}
          />
          <TextInput name="title" label={t("maintenance.announce.title")} required maxLength={200} />
        </SimpleGrid>
        <Textarea
          name="description"
          label={t("maintenance.announce.description")}
          description={t("maintenance.announce.descriptionHint")}
          required
          autosize
          minRows={3}
          maxLength={5_000}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DeploymentTimeInput
            label={t("maintenance.announce.startsAt")}
            required
            value={startsAt}
            onChange={(event) => setStartsAt(event.currentTarget.value)}
          />
          <DeploymentTimeInput
            label={t("maintenance.announce.endsAt")}
            required
            value={endsAt}
            onChange={(event) => setEndsAt(event.currentTarget.value)}
          />
          <TextInput
            name="expectedMinutes"
            type="number"
            label={t("maintenance.announce.expectedMinutes")}
            description={t("maintenance.announce.expectedHint")}
            required
            min={1}
            max={60 * 24 * 31}
            step={1}
          />
        </SimpleGrid>
        <FormFooter
          label={t("maintenance.announce.submit")}
          pending={announce.isPending}
          error={announce.error}
          withClause
          recovery={
            earliest !== undefined && (
              <Button variant="default" size="xs" mt="xs" onClick={() => moveToEarliest(earliest)}>
                {t("maintenance.announce.earliest", { date: dateTime(new Date(earliest).toISOString()) })}
              </Button>
            )
          }
          done={announce.isSuccess ? t("maintenance.announce.done", toldText(announce.data)) : undefined}
        />
      </Stack>
    </form>
  );
}
