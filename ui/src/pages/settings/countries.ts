// The countries the default-country setting offers (the phone checks' own list, so every one
// is accepted by the backend), their names in the person's language, and how a number typed
// without a country code becomes E.164 there.
import { formatPhoneInput, phoneError as usPhoneError, toE164 as usToE164 } from "../contacts/phone.ts";

/** ISO code : calling code [: national trunk prefix], from the phone metadata. */
const TABLE =
  "AD:376 AE:971:0 AF:93:0 AG:1:1 AI:1:1 AL:355:0 AM:374:0 AO:244 AR:54:0 AS:1:1 AT:43:0 AU:61:0 AW:297 AX:358:0 AZ:994:0 BA:387:0 BB:1:1 BD:880:0 BE:32:0 BF:226 BG:359:0 BH:973 BI:257 BJ:229 BL:590:0 BM:1:1 BN:673 BO:591:0 BQ:599 BR:55:0 BS:1:1 BT:975 BW:267 BY:375:8 BZ:501 CA:1:1 CC:61:0 CD:243:0 CF:236 CG:242 CH:41:0 CI:225 CK:682 CL:56 CM:237 CN:86:0 CO:57:0 CR:506 CU:53:0 CV:238 CW:599 CX:61:0 CY:357 CZ:420 DE:49:0 DJ:253 DK:45 DM:1:1 DO:1:1 DZ:213:0 EC:593:0 EE:372 EG:20:0 EH:212:0 ER:291:0 ES:34 ET:251:0 FI:358:0 FJ:679 FK:500 FM:691 FO:298 FR:33:0 GA:241 GB:44:0 GD:1:1 GE:995:0 GF:594:0 GG:44:0 GH:233:0 GI:350 GL:299 GM:220 GN:224 GP:590:0 GQ:240 GR:30 GT:502 GU:1:1 GW:245 GY:592 HK:852 HN:504 HR:385:0 HT:509 HU:36:06 ID:62:0 IE:353:0 IL:972:0 IM:44:0 IN:91:0 IO:246 IQ:964:0 IR:98:0 IS:354 IT:39 JE:44:0 JM:1:1 JO:962:0 JP:81:0 KE:254:0 KG:996:0 KH:855:0 KI:686:0 KM:269 KN:1:1 KP:850:0 KR:82:0 KW:965 KY:1:1 KZ:7:8 LA:856:0 LB:961:0 LC:1:1 LI:423:0 LK:94:0 LR:231:0 LS:266 LT:370:0 LU:352 LV:371 LY:218:0 MA:212:0 MC:377:0 MD:373:0 ME:382:0 MF:590:0 MG:261:0 MH:692:1 MK:389:0 ML:223 MM:95:0 MN:976:0 MO:853 MP:1:1 MQ:596:0 MR:222 MS:1:1 MT:356 MU:230 MV:960 MW:265:0 MX:52 MY:60:0 MZ:258 NA:264:0 NC:687 NE:227 NF:672 NG:234:0 NI:505 NL:31:0 NO:47 NP:977:0 NR:674 NU:683 NZ:64:0 OM:968 PA:507 PE:51:0 PF:689 PG:675 PH:63:0 PK:92:0 PL:48 PM:508:0 PR:1:1 PS:970:0 PT:351 PW:680 PY:595:0 QA:974 RE:262:0 RO:40:0 RS:381:0 RU:7:8 RW:250:0 SA:966:0 SB:677 SC:248 SD:249:0 SE:46:0 SG:65 SH:290 SI:386:0 SJ:47 SK:421:0 SL:232:0 SM:378 SN:221 SO:252:0 SR:597 SS:211:0 ST:239 SV:503 SX:1:1 SY:963:0 SZ:268 TC:1:1 TD:235 TG:228 TH:66:0 TJ:992 TK:690 TL:670 TM:993:8 TN:216 TO:676 TR:90:0 TT:1:1 TV:688 TW:886:0 TZ:255:0 UA:380:0 UG:256:0 US:1:1 UY:598:0 UZ:998 VA:39 VC:1:1 VE:58:0 VG:1:1 VI:1:1 VN:84:0 VU:678 WF:681 WS:685 YE:967:0 YT:262:0 ZA:27:0 ZM:260:0 ZW:263:0";

export interface Country {
  /** ISO 3166 alpha-2 ("US"). */
  code: string;
  /** Its name, in the person's language when the browser knows it. */
  name: string;
  /** "1", "44"… */
  callingCode: string;
  /** What a national number starts with before the country code replaces it ("0"), or "". */
  trunk: string;
}

function displayNames(): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames(typeof navigator !== "undefined" ? [...navigator.languages, "en"] : ["en"], { type: "region" });
  } catch {
    return null;
  }
}

const names = displayNames();

/** Every country, by name. */
export const COUNTRIES: readonly Country[] = TABLE.split(" ")
  .map((entry) => {
    const [code = "", callingCode = "", trunk = ""] = entry.split(":");
    return { code, callingCode, trunk, name: names?.of(code) ?? code };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

const BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));

/** The country with ISO code `code` (any case), if it is on the list. */
export function countryByCode(code: string): Country | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}

/** "United Kingdom" for "GB"; the code itself when unknown. */
export function countryName(code: string): string {
  return countryByCode(code)?.name ?? code;
}

/** How a phone field treats what is typed, for one default country. */
export interface PhoneRules {
  /** Tidies what was typed (US-style "(415) 555-0123" in North America). */
  format: (raw: string) => string;
  /** The E.164 number, or `null` when it isn't a whole phone number. */
  toE164: (raw: string) => string | null;
  /** Why it can't be used, in plain words (`null`: it can). */
  error: (raw: string) => string | null;
  /** The field's hint. */
  hint: string;
}

const US_RULES: PhoneRules = {
  format: formatPhoneInput,
  toE164: usToE164,
  error: usPhoneError,
  hint: "US numbers by default; start with + for other countries.",
};

/** The phone rules for numbers typed without a country code in `code`'s country. */
export function phoneRules(code: string): PhoneRules {
  const country = countryByCode(code);
  if (!country || country.code === "US") return US_RULES;
  const name = country.name;
  const toE164 = (raw: string) => nationalToE164(raw, country);
  return {
    // North American numbers share the US shape; elsewhere, keep what was typed tidy.
    format: country.callingCode === "1" ? formatPhoneInput : (raw) => raw.replace(/[^\d+()\-. ]/g, "").slice(0, 24),
    toE164: country.callingCode === "1" ? usToE164 : toE164,
    error: (raw) => {
      if (raw.trim() === "") return "Enter a phone number.";
      const e164 = country.callingCode === "1" ? usToE164(raw) : toE164(raw);
      return e164 === null
        ? `This isn't a whole phone number. Type a number from ${name}, or start with + and the country code.`
        : null;
    },
    hint: `${name} numbers by default; start with + for other countries.`,
  };
}

/** A number typed in `country`'s national form (or with + / 00) as E.164. */
export function nationalToE164(raw: string, country: Country): string | null {
  const trimmed = raw.trim();
  let digits = trimmed.replace(/\D/g, "");
  if (trimmed.startsWith("+") || digits.startsWith("00")) {
    if (!trimmed.startsWith("+")) digits = digits.slice(2);
    return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : null;
  }
  if (country.trunk && digits.startsWith(country.trunk)) digits = digits.slice(country.trunk.length);
  const full = `${country.callingCode}${digits}`;
  if (digits.length < 4 || !/^[1-9]\d{7,14}$/.test(full)) return null;
  return `+${full}`;
}
