/**
 * How a value read from a contract file is shown back in an error message: strings quoted,
 * structures named rather than dumped, so that "got …" stays one short line.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (typeof value === "string")
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date)
    return `a date (${value.toISOString().slice(0, 10)}; quote it to keep it as text)`;
  if (typeof value === "object") return "a mapping";
  return typeof value;
}
