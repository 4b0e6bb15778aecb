import { describe, expect, it } from "vitest";
import { parseEcbRates, RateFileError, rateDaysFor } from "./euro-rates.js";
import { centsToDecimal, roundToCents } from "./exact.js";

describe("ECB reference rates (units per euro)", () => {
  it("reads the historical file, skipping N/A and the trailing empty column", () => {
    const rates = parseEcbRates(
      "Date,USD,JPY,CYP,\n2026-10-01,1.0845,162.04,N/A,\n2026-09-30,1.0812,161.5,N/A,\n",
    );
    expect(rates.map((r) => [r.day, r.currency, r.text])).toEqual([
      ["2026-10-01", "USD", "1.0845"],
      ["2026-10-01", "JPY", "162.04"],
      ["2026-09-30", "USD", "1.0812"],
      ["2026-09-30", "JPY", "161.5"],
    ]);
    expect(rates[0]?.unitsPerEuro).toEqual({ num: 2169n, den: 2000n });
  });

  it("reads the daily file with its spaces and long dates", () => {
    const rates = parseEcbRates("Date, USD, GBP, \n01 October 2026, 1.0845, 0.8551, \n");
    expect(rates.map((r) => [r.day, r.currency, centsToDecimal(roundToCents(r.unitsPerEuro))])).toEqual([
      ["2026-10-01", "USD", "1.08"],
      ["2026-10-01", "GBP", "0.86"],
    ]);
  });

  it("reads the data portal's long form, per euro only", () => {
    const text =
      "KEY,FREQ,CURRENCY,CURRENCY_DENOM,EXR_TYPE,EXR_SUFFIX,TIME_PERIOD,OBS_VALUE\nEXR.D.USD.EUR.SP00.A,D,USD,EUR,SP00,A,2026-10-01,1.0845\n";
    expect(parseEcbRates(text).map((r) => [r.day, r.currency, r.text])).toEqual([
      ["2026-10-01", "USD", "1.0845"],
    ]);
  });

  it("refuses what is not a rate file, naming the line", () => {
    expect(() => parseEcbRates("Day,USD\n")).toThrow(RateFileError);
    expect(() => parseEcbRates("Date,USD\n2026-02-30,1.1\n")).toThrow("line 2: not a date");
    expect(() => parseEcbRates("Date,USD\n2026-02-03,-1\n")).toThrow("line 2: USD: not a positive rate");
    expect(() => parseEcbRates("Date,USD\n2026-02-03,1,0845\n")).toThrow(
      "line 2: more values than the header has columns",
    );
  });

  it("converts a period at its first day's rate, else the last publication within 7 days before", () => {
    expect(rateDaysFor("2026-11")).toEqual([
      "2026-11-01",
      "2026-10-31",
      "2026-10-30",
      "2026-10-29",
      "2026-10-28",
      "2026-10-27",
      "2026-10-26",
      "2026-10-25",
    ]);
  });
});
