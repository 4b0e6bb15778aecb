import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { MaintenanceChange } from "../api/desk-types";
import { api, keys } from "../api/endpoints";

/** Maintenance under way or to come: every service's for the provider, the customer's own services' for a customer. */
export function useMaintenance(enabled = true) {
  return useQuery({ queryKey: keys.maintenance, queryFn: api.maintenance, enabled });
}

/** "2 personnes prévenues par e-mail", "1 client": who an announcement or a cancellation reached. */
export function useToldText() {
  const { t } = useTranslation();
  return ({ told }: MaintenanceChange) => ({
    told: t("maintenance.told", { count: told.people }),
    customers: t("maintenance.customers", { count: told.organisations }),
  });
}
