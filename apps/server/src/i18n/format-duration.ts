import type { CalendarDuration } from "@guichet/domain";
import type { Locale } from "./index.js";

const INTL_LOCALES: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };

function unitText(amount: number, unit: string, locale: Locale, display: "long" | "short"): string {
  return new Intl.NumberFormat(INTL_LOCALES[locale], { style: "unit", unit, unitDisplay: display }).format(
    amount,
  );
}

/** A contract's calendar duration as people read it: "7 jours", "1 month". */
export function formatCalendarDuration(duration: CalendarDuration, locale: Locale): string {
  return unitText(duration.amount, duration.unit.replace(/s$/, ""), locale, "long");
}

/** Minutes as hours and minutes: "45 min", "2 h", "2 h 30 min" ("2 hrs 30 mins" in English). */
export function formatMinutes(minutes: number, locale: Locale): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [
    ...(hours > 0 ? [unitText(hours, "hour", locale, "short")] : []),
    ...(rest > 0 || hours === 0 ? [unitText(rest, "minute", locale, "short")] : []),
  ];
  return parts.join(" ");
}
