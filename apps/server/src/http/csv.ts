/**
 * CSV as spreadsheets open it: RFC 4180 quoting, CRLF line ends. The separator is the caller's:
 * "," by default, ";" for French readers, whose spreadsheets use the comma as decimal mark.
 */
export type CsvSeparator = "," | ";";

/** One cell; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula. */
export function csvCell(value: unknown, separator: CsvSeparator = ","): string {
  let text =
    value === null || value === undefined
      ? ""
      : value instanceof Date
        ? value.toISOString()
        : typeof value === "object"
          ? JSON.stringify(value)
          : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  const needsQuotes = text.includes(separator) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header line and one line per row. */
export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  separator: CsvSeparator = ",",
): string {
  const lines = [header, ...rows].map((row) => row.map((value) => csvCell(value, separator)).join(separator));
  return `${lines.join("\r\n")}\r\n`;
}
