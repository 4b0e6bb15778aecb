/** The trimmed text of a form field ("" when absent). */
export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

/** Every checked value of a group of checkboxes sharing one name. */
export function checked<T extends string>(form: FormData, name: string, allowed: readonly T[]): T[] {
  return form.getAll(name).filter((value): value is T => allowed.includes(value as T));
}

/** A date-time typed in the browser's local time ("2026-11-30T18:00") as an ISO instant. */
export function localToIso(value: string): string {
  return new Date(value).toISOString();
}

/** The value of an <input type="datetime-local">, `days` from now, to the minute. */
export function localInputValue(daysFromNow: number): string {
  const date = new Date(Date.now() + daysFromNow * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
