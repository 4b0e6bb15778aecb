/**
 * The one way Guichet writes an amount for a person to read (issue 17: nothing assumes EUR), used
 * by the server (invoices, mails, letters, explanations) and the portal alike
 * (`@guichet/domain/money`): the currency is always given, from the contract (`currency`) or from
 * the price or answer the amount belongs to. Composed from integers, never through a float, and by
 * hand rather than by Intl so the text is the same on every runtime and ICU version.
 *
 * French: "1 234,56 €", "1 234,56 CHF" (U+202F between thousands as French typography and Intl
 * write them, U+00A0 before the currency). English: "€1,234.56", "CHF 1,234.56". The euro is the
 * only currency written by its sign: a code is never ambiguous ("$" is several currencies).
 */
export type MoneyLocale = "fr" | "en";

export function formatMoney(cents: bigint | number, locale: MoneyLocale, currency: string): string {
  const value = typeof cents === "bigint" ? cents : BigInt(Math.trunc(cents));
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const fraction = (magnitude % 100n).toString().padStart(2, "0");
  const units = (magnitude / 100n).toString();
  const sign = negative ? "−" : "";
  if (locale === "fr") {
    const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
    return `${sign}${grouped},${fraction}\u00a0${currency === "EUR" ? "€" : currency}`;
  }
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${currency === "EUR" ? "€" : `${currency}\u00a0`}${grouped}.${fraction}`;
}

/** A decimal amount as the API answers it ("2294.8", "-12.34") in its currency, as above. */
export function formatDecimalMoney(decimal: string, locale: MoneyLocale, currency: string): string {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?/.exec(decimal.trim());
  if (!match) return `${decimal} ${currency}`;
  const cents = BigInt(match[2] as string) * 100n + BigInt((match[3] ?? "0").padEnd(2, "0"));
  return formatMoney(match[1] ? -cents : cents, locale, currency);
}

/** The currency's sign or code alone, for a field's label: "€", "CHF". */
export function currencySymbol(currency: string): string {
  return currency === "EUR" ? "€" : currency;
}

/**
 * A percentage as written in the contract or computed ("7.5", "10") as a reader writes it: "7,5 %"
 * in French (U+00A0 before the sign, as before a currency), "7.5%" in English.
 */
export function formatPercentText(text: string, locale: MoneyLocale): string {
  return locale === "fr" ? `${text.replace(".", ",")}\u00a0%` : `${text}%`;
}
