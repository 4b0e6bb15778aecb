import { type Locale, t } from "../../i18n/index.js";
import type { FocusRefusal } from "./stage-focus-file.js";

/** A refused FOCUS file in words: the file, the line and the column, and why (MCR-BIL-01). */
export function describeFocusRefusal(r: FocusRefusal, locale: Locale): string {
  const reason = t(locale, `billing.focus.reason.${r.reason}`, {
    column: r.column ?? "",
    detail: r.detail ?? "",
    allowed: (r.allowed ?? []).join(", "),
  });
  if (r.row === undefined) return t(locale, "billing.focus.refused_file", { file: r.file, reason });
  return t(locale, "billing.focus.refused", {
    file: r.file,
    row: r.row,
    column: r.column ?? "",
    reason,
    value: r.value ? t(locale, "billing.focus.value", { value: r.value }) : "",
    others: (r.badLines ?? 1) > 1 ? t(locale, "billing.focus.others", { count: r.badLines ?? 0 }) : "",
  });
}
