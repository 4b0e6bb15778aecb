import { TextInput, type TextInputProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { TIME_ZONE } from "../i18n/format";
import { useContract } from "../session";

/**
 * The deployment's time zone: its contract's first calendar's, as the server reads it (timeZoneOf);
 * Paris, the shipped contracts' zone, until the contract is read.
 */
export function useDeploymentTimeZone(): string {
  return useContract().data?.calendars[0]?.timeZone ?? TIME_ZONE;
}

/**
 * A date and time typed in the deployment's zone wherever the browser is, the zone named beside
 * the field (issue 13): read its value with localToIso(value, useDeploymentTimeZone()).
 */
export function DeploymentTimeInput({ description, ...props }: Omit<TextInputProps, "type">) {
  const { t } = useTranslation();
  const zone = useDeploymentTimeZone();
  const city = (zone.split("/").pop() ?? zone).replaceAll("_", " ");
  const named = t(/^[aeiouyh]/i.test(city) ? "common.zoneTimeElided" : "common.zoneTime", { city, zone });
  return (
    <TextInput
      type="datetime-local"
      description={
        description ? (
          <>
            {named}. {description}
          </>
        ) : (
          named
        )
      }
      {...props}
    />
  );
}
