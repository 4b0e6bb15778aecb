import { COUNTRY_CODES } from "@guichet/domain/countries";
import { NativeSelect } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

/**
 * The country a customer is established in (issue 17), ISO 3166-1 alpha-2, named in the reader's
 * language by the browser's own CLDR data (Intl.DisplayNames) and sorted by that name.
 */
export function CountrySelect({
  value,
  onChange,
  label,
  description,
  error,
}: {
  value: string;
  onChange: (code: string) => void;
  label: string;
  description?: string;
  error?: string | undefined;
}) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const options = useMemo(() => {
    const names = new Intl.DisplayNames([language], { type: "region" });
    return COUNTRY_CODES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) =>
      a.label.localeCompare(b.label, language),
    );
  }, [language]);
  return (
    <NativeSelect
      name="billingCountry"
      label={label}
      description={description}
      error={error}
      data={options}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
