import { useTranslation } from "react-i18next";
import type { Label, Locale } from "../api/types";
import { currentLanguage, currentLocale } from "./index";

/**
 * Dates as people read them in France (and in English for the English interface), in the
 * deployments' time zone: both shipped contracts count time in Europe/Paris.
 */
export const TIME_ZONE = "Europe/Paris";
const TAGS: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };

export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(TAGS[locale], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
}

/**
 * A period with its weekdays, as announcements give it: "mardi 1 décembre 2026, 08:00 – 12:00",
 * or "mardi 1 décembre 2026 à 22:00 – mercredi 2 décembre 2026 à 02:00" across days.
 */
export function formatPeriod(fromIso: string, toIso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(TAGS[locale], {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: TIME_ZONE,
  }).formatRange(new Date(fromIso), new Date(toIso));
}

/** A month ("2026-11") as "novembre 2026", or "nov. 26" where room is short. */
export function formatMonth(month: string, locale: Locale, style: "long" | "short" = "long"): string {
  return new Intl.DateTimeFormat(TAGS[locale], {
    month: style,
    year: style === "long" ? "numeric" : "2-digit",
    timeZone: "UTC",
  }).format(new Date(`${month}-15T12:00:00Z`));
}

export function formatDate(isoOrDay: string, locale: Locale): string {
  // A bare day ("2026-03-01") is a local date: keep it on that day whatever the zone.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDay) ? new Date(`${isoOrDay}T12:00:00Z`) : new Date(isoOrDay);
  return new Intl.DateTimeFormat(TAGS[locale], { dateStyle: "medium", timeZone: TIME_ZONE }).format(date);
}

/** A count as people read it: "1 045" in French, "1,045" in English. */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(TAGS[locale]).format(value);
}

/**
 * A decimal amount from the API ("2294.80") in its currency (EUR unless the API names another,
 * issue 23) as people read it: "2 294,80 €" or "2 294,80 CHF" in French, "€2,294.80" or
 * "CHF 2,294.80" in English. Composed from its text, never through a float (DESIGN: money).
 */
export function formatMoney(decimal: string, locale: Locale, currency = "EUR"): string {
  const [units = "0", cents = "00"] = decimal.split(".");
  const whole = new Intl.NumberFormat(TAGS[locale]).format(BigInt(units));
  const fraction = cents.padEnd(2, "0").slice(0, 2);
  const euro = currency === "EUR";
  if (locale === "fr") return `${whole},${fraction}\u00a0${euro ? "€" : currency}`;
  return euro ? `€${whole}.${fraction}` : `${currency}\u00a0${whole}.${fraction}`;
}

/** A file's size in kilobytes: "12 ko" in French, "12 kB" in English. */
export function formatFileSize(bytes: number, locale: Locale): string {
  return new Intl.NumberFormat(TAGS[locale], {
    style: "unit",
    unit: "kilobyte",
    maximumFractionDigits: 0,
  }).format(Math.max(1, bytes / 1000));
}

/** The formatters and label picker for the interface's current language. */
export function useLocaleFormat() {
  useTranslation(); // re-renders the caller when the language changes
  const locale = currentLocale();
  return {
    locale,
    dateTime: (iso: string) => formatDateTime(iso, locale),
    date: (iso: string) => formatDate(iso, locale),
    period: (fromIso: string, toIso: string) => formatPeriod(fromIso, toIso, locale),
    month: (month: string, style?: "long" | "short") => formatMonth(month, locale, style),
    number: (value: number) => formatNumber(value, locale),
    money: (decimal: string, currency?: string) => formatMoney(decimal, locale, currency),
    fileSize: (bytes: number) => formatFileSize(bytes, locale),
    /** The contract's text in the reader's language, else in the interface's (issue 23). */
    label: (label: Label) => label[currentLanguage()] ?? label[locale],
  };
}
