import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ClockState, SlaClockState } from "../api/desk-types";
import { GREEN } from "../theme";
import { minutesToDue, splitMinutes, stateAt } from "./countdown";

/**
 * Dark shades keep white text above 4.5:1; the text says the state too, never the colour alone.
 * The SLA report's chart draws its bars in the same colours.
 */
export const CLOCK_COLOURS: Record<ClockState, string> = {
  running: "blue.9",
  paused: "gray.8",
  met: GREEN,
  breached: "red.9",
  none: "gray.8",
  conditional: "gray.8",
};

/** "1 h 05 min", "2 j 3 h", "12 min" in the interface's language. */
export function useDurationText() {
  const { t } = useTranslation();
  return (total: number) => {
    const { days, hours, minutes } = splitMinutes(total);
    if (days > 0) return t("desk.clock.days", { days, hours });
    if (hours > 0) return t("desk.clock.hours", { hours, minutes: String(minutes).padStart(2, "0") });
    return t("desk.clock.minutes", { minutes });
  };
}

/** What a clock says at `now`: "Prise en charge : reste 25 min", "… : dépassé de 12 min", "… : en pause". */
export function useClockText() {
  const { t } = useTranslation();
  const duration = useDurationText();
  return (clock: SlaClockState, now: number) => {
    const metric = t(`desk.clock.metrics.${clock.metric}`);
    const state = stateAt(clock, now);
    const toDue = minutesToDue(clock, now);
    if (state === "running") {
      return t("desk.clock.remaining", { metric, time: duration(toDue ?? clock.remainingMinutes ?? 0) });
    }
    if (state === "breached") {
      return toDue !== undefined && toDue < 0 && clock.metric !== "autoClose"
        ? t("desk.clock.breachedFor", { metric, time: duration(-toDue) })
        : t("desk.clock.breached", { metric });
    }
    if (state === "met" && clock.metric === "autoClose") {
      // Met before its due instant: a person closed or answered first, and it did not apply.
      const before = (clock.remainingMinutes ?? 0) > 0;
      return t(before ? "desk.clock.autoCloseNotNeeded" : "desk.clock.autoCloseDone", { metric });
    }
    return t(`desk.clock.${state}`, { metric });
  };
}

/** A clock's state as a badge with its words, counted down from its due instant. */
export function SlaBadge({ clock, now }: { clock: SlaClockState | undefined; now: number }) {
  const { t } = useTranslation();
  const text = useClockText();
  if (!clock) {
    return (
      <Badge color="gray.8" variant="outline" radius="sm" tt="none">
        {t("desk.clock.noClock")}
      </Badge>
    );
  }
  const state = stateAt(clock, now);
  return (
    <Badge
      color={CLOCK_COLOURS[state]}
      variant="filled"
      radius="sm"
      tt="none"
      style={{ minWidth: "max-content" }}
      data-state={state}
    >
      {text(clock, now)}
    </Badge>
  );
}
