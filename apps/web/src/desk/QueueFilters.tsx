import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { OrganisationSelect } from "../components/OrganisationSelect";
import { field } from "../form-data";
import { FilterForm, type FiltersProps, SearchField } from "./FilterForm";

/** The queue's filters, kept in the address: whose tickets, which organisation, which words. */
export interface QueueSearch {
  assignee?: "me" | "none";
  organisationId?: string;
  q?: string;
  page?: number;
}

export function QueueFilters({ search, onSearch }: FiltersProps<QueueSearch>) {
  const { t } = useTranslation();
  const filter = (data: FormData) => {
    const assignee = field(data, "assignee");
    onSearch({
      assignee: assignee === "me" || assignee === "none" ? assignee : undefined,
      organisationId: field(data, "organisationId") || undefined,
      q: field(data, "q") || undefined,
    });
  };
  return (
    <FilterForm onFilter={filter}>
      <NativeSelect
        name="assignee"
        label={t("desk.filters.assignee")}
        defaultValue={search.assignee ?? ""}
        data={[
          { value: "", label: t("desk.filters.assignees.all") },
          { value: "me", label: t("desk.filters.assignees.me") },
          { value: "none", label: t("desk.filters.assignees.none") },
        ]}
      />
      <OrganisationSelect
        label={t("desk.organisation")}
        anyLabel={t("desk.filters.anyOrganisation")}
        defaultValue={search.organisationId}
      />
      <SearchField defaultValue={search.q} />
    </FilterForm>
  );
}
