/**
 * The country numbers without a country code default to. Settings will hold this choice; until
 * the page can read it, the United States.
 */
export function useDefaultCountry(): string {
  return "US";
}
