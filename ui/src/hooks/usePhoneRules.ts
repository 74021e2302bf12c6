import { phoneRules, type PhoneRules } from "../pages/settings/countries.ts";
import { useSettings } from "./useSettings.ts";

/** The country numbers typed without a country code belong to: Settings' choice, the US until it is read. */
export function useDefaultCountry(): string {
  return useSettings().data?.default_country ?? "US";
}

/**
 * How every phone field reads what is typed: national numbers of Settings' default country,
 * or international ones starting with +. Use this in every phone field (never `contacts/phone.ts`
 * directly, which only knows US numbers).
 */
export function usePhoneRules(): PhoneRules {
  return phoneRules(useDefaultCountry());
}
