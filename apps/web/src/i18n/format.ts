import { useTranslation } from "react-i18next";
import type { Label, Locale } from "../api/types";
import { currentLocale } from "./index";

/**
 * Dates as people read them in France (and in English for the English interface), in the
 * deployments' time zone: both shipped contracts count time in Europe/Paris.
 */
const TIME_ZONE = "Europe/Paris";
const TAGS: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };

export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(TAGS[locale], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
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
    number: (value: number) => formatNumber(value, locale),
    fileSize: (bytes: number) => formatFileSize(bytes, locale),
    label: (label: Label) => label[locale],
  };
}
