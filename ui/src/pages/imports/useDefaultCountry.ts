// The default country lives with the phone rules every phone field uses.
export { useDefaultCountry } from "../../hooks/usePhoneRules.ts";
