import { useTranslation } from "react-i18next";
import type { CalendarSummary, Weekday } from "../api/types";
import { useLocaleFormat } from "../i18n/format";
import { useContract } from "../session";

const WEEK: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const allDay = (ranges: [string, string][]) => ranges.length === 1 && ranges[0]?.join("-") === "00:00-24:00";
const sameHours = (a: [string, string][], b: [string, string][]) => JSON.stringify(a) === JSON.stringify(b);

/** Runs of consecutive open days with the same hours, e.g. Monday to Friday 09:00–19:00. */
function runsOf(calendar: CalendarSummary) {
  const runs: { from: Weekday; to: Weekday; ranges: [string, string][] }[] = [];
  for (const { day, ranges } of calendar.days) {
    const last = runs.at(-1);
    const follows = last && WEEK.indexOf(day) === WEEK.indexOf(last.to) + 1;
    if (last && follows && sameHours(last.ranges, ranges)) last.to = day;
    else runs.push({ from: day, to: day, ranges });
  }
  return runs;
}

/**
 * A calendar of the contract as people read it: "24x7", or "du lundi au vendredi, 09:00–19:00,
 * hors jours fériés (Heures Ouvrées)" (MCR-SUP-07, DSN-SUP-06): its hours, then the contract's
 * name for it, the words SLA explanations use, when the contract gives one that says more.
 */
export function useCalendarText() {
  const { t } = useTranslation();
  const { label } = useLocaleFormat();
  const calendars = useContract().data?.calendars ?? [];
  const dayName = (day: Weekday) => t(`desk.calendar.days.${day}`);
  const hoursOf = (calendar: CalendarSummary): string => {
    if (calendar.days.length === 7 && calendar.days.every((day) => allDay(day.ranges))) {
      return t("desk.calendar.always");
    }
    const parts = runsOf(calendar).map(({ from, to, ranges }) => {
      const days =
        from === to
          ? t("desk.calendar.single", { day: dayName(from) })
          : t("desk.calendar.span", { from: dayName(from), to: dayName(to) });
      const hours = ranges.map(([start, end]) => t("desk.calendar.hours", { from: start, to: end }));
      return [days, ...hours].join(", ");
    });
    if (calendar.closedOnHolidays) parts.push(t("desk.calendar.holidays"));
    return parts.join(", ");
  };
  return (calendarId: string | null): string => {
    const calendar = calendars.find((candidate) => candidate.id === calendarId);
    if (!calendar) return calendarId ?? "";
    const hours = hoursOf(calendar);
    const name = calendar.label && label(calendar.label);
    return name && name !== hours ? `${hours} (${name})` : hours;
  };
}
