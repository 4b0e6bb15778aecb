import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { Locale } from "../api/types";
import { en } from "./en";
import { fr, type Messages } from "./fr";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Messages };
  }
}

const STORAGE_KEY = "guichet.locale";

/** French unless the person chose English on this browser (the choice is kept). */
function savedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "fr";
  } catch {
    return "fr";
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: savedLocale(),
  fallbackLng: "fr",
  supportedLngs: ["fr", "en"],
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  initAsync: false,
});

document.documentElement.lang = i18n.language;

export function currentLocale(): Locale {
  return i18n.language === "en" ? "en" : "fr";
}

export async function switchLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing without storage: the choice lasts for this page only.
  }
  await i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}
