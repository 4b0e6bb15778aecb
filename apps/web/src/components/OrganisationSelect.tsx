import { NativeSelect } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api, keys } from "../api/endpoints";

/** One organisation, or any ("" as the first choice), from the provider's list of organisations. */
export function OrganisationSelect({
  label,
  anyLabel,
  defaultValue,
}: {
  label: string;
  anyLabel: string;
  defaultValue?: string;
}) {
  const organisations = useQuery({ queryKey: keys.organisations, queryFn: api.organisations });
  return (
    <NativeSelect
      name="organisationId"
      label={label}
      defaultValue={defaultValue ?? ""}
      data={[
        { value: "", label: anyLabel },
        ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name })),
      ]}
    />
  );
}
