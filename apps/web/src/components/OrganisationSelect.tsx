import { NativeSelect } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api, keys } from "../api/endpoints";

/**
 * One organisation from the provider's list of organisations, or "" as the first choice: any
 * organisation (a filter), or none chosen yet when `required` (e.g. the customer of a report).
 */
export function OrganisationSelect({
  label,
  anyLabel,
  defaultValue,
  customersOnly = false,
  required = false,
}: {
  label: string;
  /** The label of the "" choice: "Toutes les organisations", or "Choisissez un client". */
  anyLabel: string;
  defaultValue?: string;
  customersOnly?: boolean;
  required?: boolean;
}) {
  const organisations = useQuery({ queryKey: keys.organisations, queryFn: api.organisations });
  const listed = (organisations.data ?? []).filter((o) => !customersOnly || o.kind === "customer");
  return (
    <NativeSelect
      // Re-created once the list arrives, so the default choice can be selected.
      key={organisations.isSuccess ? "loaded" : "loading"}
      name="organisationId"
      label={label}
      defaultValue={defaultValue ?? ""}
      required={required}
      data={[{ value: "", label: anyLabel }, ...listed.map((o) => ({ value: o.id, label: o.name }))]}
    />
  );
}
