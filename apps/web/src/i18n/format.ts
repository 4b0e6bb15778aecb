import { formatDecimalMoney, formatPercentText } from "@guichet/domain/money";
import { useTranslation } from "react-i18next";
import type { Label } from "../api/types";
import { intlTag } from "./fallback";
import { type ContractLanguage, currentLanguage, currentLocale, labelFor } from "./index";

/**
 * Dates and numbers in the reader's language whatever language the surrounding texts fell back to
 * (issue 23): "3 mars 2026" in French, "3. März 2026" in German, with the reader's region where
 * their browser gives one (de-CH writes 1’045, de-DE 1.045), in the deployments' time zone: both
 * shipped contracts count time in Europe/Paris.
 */
export const TIME_ZONE = "Europe/Paris";
const tagOf = (locale: ContractLanguage): string => intlTag(locale);

export function formatDateTime(iso: string, locale: ContractLanguage): string {
  return new Intl.DateTimeFormat(tagOf(locale), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
}

/**
 * A period with its weekdays, as announcements give it: "mardi 1 décembre 2026, 08:00 – 12:00",
 * or "mardi 1 décembre 2026 à 22:00 – mercredi 2 décembre 2026 à 02:00" across days.
 */
export function formatPeriod(fromIso: string, toIso: string, locale: ContractLanguage): string {
  return new Intl.DateTimeFormat(tagOf(locale), {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: TIME_ZONE,
  }).formatRange(new Date(fromIso), new Date(toIso));
}

/** A month ("2026-11") as "novembre 2026", or "nov. 26" where room is short. */
export function formatMonth(
  month: string,
  locale: ContractLanguage,
  style: "long" | "short" = "long",
): string {
  return new Intl.DateTimeFormat(tagOf(locale), {
    month: style,
    year: style === "long" ? "numeric" : "2-digit",
    timeZone: "UTC",
  }).format(new Date(`${month}-15T12:00:00Z`));
}

export function formatDate(isoOrDay: string, locale: ContractLanguage): string {
  // A bare day ("2026-03-01") is a local date: keep it on that day whatever the zone.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDay) ? new Date(`${isoOrDay}T12:00:00Z`) : new Date(isoOrDay);
  return new Intl.DateTimeFormat(tagOf(locale), { dateStyle: "medium", timeZone: TIME_ZONE }).format(date);
}

/** A count as people read it: "1 045" in French, "1,045" in English. */
export function formatNumber(value: number, locale: ContractLanguage): string {
  return new Intl.NumberFormat(tagOf(locale)).format(value);
}

/**
 * A decimal amount from the API ("2294.80") in the currency the API names with it (the contract's,
 * issue 17: never assumed EUR): "2 294,80 €" or "2 294,80 CHF" in French, "€2,294.80" or
 * "CHF 2,294.80" in English. The server's one formatter (@guichet/domain/money), never a float.
 */
export function formatMoney(decimal: string, locale: ContractLanguage, currency: string): string {
  if (locale === "fr" || locale === "en") return formatDecimalMoney(decimal, locale, currency);
  // Other readers' languages (issue 23): Intl reads a decimal string exactly (no float), in the
  // reader's writing: "2.294,80 €", "CHF 2’294.80".
  const [units = "0", cents = "00"] = decimal.split(".");
  return new Intl.NumberFormat(tagOf(locale), { style: "currency", currency }).format(
    `${units}.${cents.padEnd(2, "0").slice(0, 2)}` as unknown as number,
  );
}

/** A percentage as the reader writes it: "7,5 %" in French, "7.5%" in English (the server's formatter). */
export function formatPercent(value: number, locale: ContractLanguage): string {
  if (locale === "fr" || locale === "en") return formatPercentText(String(value), locale);
  return new Intl.NumberFormat(tagOf(locale), { style: "percent", maximumFractionDigits: 2 }).format(
    value / 100,
  );
}

/** A file's size in kilobytes: "12 ko" in French, "12 kB" in English. */
export function formatFileSize(bytes: number, locale: ContractLanguage): string {
  return new Intl.NumberFormat(tagOf(locale), {
    style: "unit",
    unit: "kilobyte",
    maximumFractionDigits: 0,
  }).format(Math.max(1, bytes / 1000));
}

/** The formatters and label picker for the interface's current language. */
export function useLocaleFormat() {
  useTranslation(); // re-renders the caller when the language changes
  const locale = currentLocale();
  // Texts in the catalogue (`locale`), dates and numbers in the reader's own language (issue 23).
  const reader = currentLanguage();
  return {
    locale,
    dateTime: (iso: string) => formatDateTime(iso, reader),
    date: (iso: string) => formatDate(iso, reader),
    period: (fromIso: string, toIso: string) => formatPeriod(fromIso, toIso, reader),
    month: (month: string, style?: "long" | "short") => formatMonth(month, reader, style),
    number: (value: number) => formatNumber(value, reader),
    percent: (value: number) => formatPercent(value, reader),
    money: (decimal: string, currency: string) => formatMoney(decimal, reader, currency),
    fileSize: (bytes: number) => formatFileSize(bytes, reader),
    /** The contract's text in the reader's language, else in the interface's (issue 23). */
    label: (label: Label) => labelFor(label),
  };
}
