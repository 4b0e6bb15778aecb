import { type Locale, t } from "../../i18n/index.js";
import { describeFocusRefusal } from "./describe-refusal.js";
import type { FocusRefusal } from "./stage-focus-file.js";

/**
 * The report written beside a refused file of the watched folder (MCR-BIL-01): for the person who
 * dropped it and has no screen to read a refusal on, the file, the row, the column, the value,
 * what is wrong and how to fix it; French first, then English.
 */
export function refusalReport(refusal: FocusRefusal, at: Date, timeZone: string): string {
  const section = (locale: Locale) => {
    const params = {
      column: refusal.column ?? "",
      allowed: (refusal.allowed ?? []).join(", "),
    };
    const when = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
      dateStyle: "long",
      timeStyle: "short",
      timeZone,
    }).format(at);
    const sep = locale === "fr" ? " : " : ": ";
    const field = (key: Parameters<typeof t>[1], value: string | number | undefined | null) =>
      value === undefined || value === null || value === "" ? [] : [`${t(locale, key)}${sep}${value}`];
    return [
      t(locale, "billing.watch.title"),
      ...field("billing.watch.file", refusal.file),
      ...field("billing.watch.row", refusal.row),
      ...field("billing.watch.column", refusal.column),
      ...field("billing.watch.value", refusal.value),
      `${t(locale, "billing.watch.problem")}${sep}${describeFocusRefusal(refusal, locale)}`,
      `${t(locale, "billing.watch.fix")}${sep}${t(locale, `billing.focus.fix.${refusal.reason}`, params)}`,
      `${t(locale, "billing.watch.at")} ${when} (${timeZone})`,
      t(locale, "billing.watch.again"),
    ].join("\n");
  };
  return `${section("fr")}\n\n${section("en")}\n`;
}
