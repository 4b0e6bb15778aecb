import { Select } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import type { Me } from "../api/types";

/**
 * Whose orders and documents a page shows: a customer's own, or, for provider staff, the customer
 * chosen in the page's address (all of them when none is, where the page allows it).
 */
export function CustomerChoice({
  me,
  organisationId,
  onChange,
  placeholder,
}: {
  me: Me;
  organisationId: string | undefined;
  onChange: (organisationId: string | undefined) => void;
  placeholder: string;
}) {
  const { t } = useTranslation();
  const organisations = useQuery({
    queryKey: keys.organisations,
    queryFn: api.organisations,
    enabled: me.organisationKind === "provider",
  });
  if (me.organisationKind !== "provider") return null;
  const customers = (organisations.data ?? []).filter((o) => o.kind === "customer");
  return (
    <Select
      label={t("orders.customer")}
      placeholder={placeholder}
      data={customers.map((o) => ({ value: o.id, label: o.name }))}
      value={organisationId ?? null}
      onChange={(value) => onChange(value ?? undefined)}
      searchable
      clearable
      maw={420}
    />
  );
}

/** The organisation a page is about: the customer's own (or the one acted in), else the staff's choice. */
export function organisationOf(me: Me, chosen: string | undefined): string | undefined {
  return me.organisationKind === "provider" && !me.acting
    ? chosen
    : (me.acting?.organisationId ?? me.organisationId);
}
