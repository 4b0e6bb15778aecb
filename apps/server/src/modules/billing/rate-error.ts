import { MissingEuroRateError } from "@guichet/domain";
import { AppError } from "../../http/errors.js";
import { type Locale, t } from "../../i18n/index.js";

/** A conversion without its ECB rate answers 409 naming the currency and the day; anything else is rethrown. */
export function rethrowMissingRate(error: unknown, locale: Locale): never {
  if (error instanceof MissingEuroRateError)
    throw new AppError(
      "conflict",
      t(locale, "billing.rates.missing", { currency: error.currency, day: error.day }),
      {
        currency: error.currency,
        day: error.day,
      },
    );
  throw error;
}
