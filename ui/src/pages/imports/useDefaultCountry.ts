import { useSettings } from "../../hooks/useSettings.ts";

/** The country numbers without a country code default to: Settings' choice, the US until it is read. */
export function useDefaultCountry(): string {
  return useSettings().data?.default_country ?? "US";
}
