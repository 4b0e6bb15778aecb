import { NativeSelect } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { TICKET_STATUSES, type TicketStatus } from "../api/types";
import { field } from "../form-data";
import { FilterForm, type FiltersProps, SearchField } from "./FilterForm";
import { useDeskLabels } from "./vocabulary";

/** The customer's filters, kept in the address: progress, status, words of the reference or title. */
export interface RequestsSearch {
  state?: "open" | "closed";
  status?: TicketStatus;
  q?: string;
  page?: number;
}

const STATES = {
  open: ["new", "in_progress", "on_hold"],
  closed: ["resolved", "closed"],
} as const satisfies Record<string, readonly TicketStatus[]>;

/** The statuses a progress covers: the status list offers only those. */
export function statusesOf(state: RequestsSearch["state"]): readonly TicketStatus[] {
  return state ? STATES[state] : TICKET_STATUSES;
}

export function RequestFilters({ search, onSearch }: FiltersProps<RequestsSearch>) {
  const { t } = useTranslation();
  const labels = useDeskLabels();
  const [state, setState] = useState<RequestsSearch["state"]>(search.state);
  const statuses = statusesOf(state).filter((status) => labels.statuses.includes(status));
  const filter = (data: FormData) => {
    const status = field(data, "status") as TicketStatus | "";
    onSearch({
      state,
      status: status && statuses.includes(status) ? status : undefined,
      q: field(data, "q") || undefined,
    });
  };
  return (
    <FilterForm onFilter={filter}>
      <NativeSelect
        name="state"
        label={t("desk.filters.state")}
        value={state ?? ""}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setState(value === "open" || value === "closed" ? value : undefined);
        }}
        data={[
          { value: "", label: t("desk.filters.states.all") },
          { value: "open", label: t("desk.filters.states.open") },
          { value: "closed", label: t("desk.filters.states.closed") },
        ]}
      />
      <NativeSelect
        // Re-created with its options, so a status the progress excludes is not kept.
        key={state ?? "all"}
        name="status"
        label={t("desk.status")}
        defaultValue={search.status && statuses.includes(search.status) ? search.status : ""}
        data={[
          { value: "", label: t("desk.filters.anyStatus") },
          ...statuses.map((status) => ({ value: status, label: labels.status(status) })),
        ]}
      />
      <SearchField defaultValue={search.q} hint={t("desk.filters.searchHint")} />
    </FilterForm>
  );
}
