// The mapping step's vocabulary: what each column can be, in plain words, and the checks that
// run before the dry run (the same rules console-core applies, so the person hears them first).
import type { ColumnMapping, ColumnRole, PlannedOutcome } from "../../bindings.gen.ts";
import { fileSize } from "../../format/size.ts";

export type RoleKind = ColumnRole["kind"];

export const ROLE_OPTIONS: ReadonlyArray<{ value: RoleKind; label: string }> = [
  { value: "phone", label: "Phone number" },
  { value: "first_name", label: "First name" },
  { value: "last_name", label: "Last name" },
  { value: "full_name", label: "Full name (split into first and last)" },
  { value: "company", label: "Company" },
  { value: "email", label: "Email (kept as the custom variable “Email”)" },
  { value: "tags", label: "Tags" },
  { value: "custom", label: "Custom variable" },
  { value: "ignore", label: "Don't import" },
];

const SINGLE: ReadonlyArray<[RoleKind, string]> = [
  ["first_name", "First name"],
  ["last_name", "Last name"],
  ["full_name", "Full name"],
  ["company", "Company"],
  ["email", "Email"],
];

/** The label a column gets as a custom variable: its header, or "Column N". */
export function customLabel(header: string, index: number): string {
  const label = header.trim();
  return label === "" ? `Column ${index + 1}` : label.slice(0, 100);
}

/** The role for a choice in a column's select. */
export function roleFor(kind: RoleKind, header: string, index: number): ColumnRole {
  return kind === "custom" ? { kind: "custom", label: customLabel(header, index) } : ({ kind } as ColumnRole);
}

/** Why this mapping can't be checked yet, in plain words; `null` when it can. */
export function mappingError(mapping: ColumnMapping): string | null {
  const count = (kind: RoleKind) => mapping.columns.filter((c) => c.role.kind === kind).length;
  const phones = count("phone");
  if (phones === 0) return "Choose the column that holds the phone numbers.";
  if (phones > 1) return "Only one column can be the phone number. Mark the others as custom variables or don't import them.";
  for (const [kind, name] of SINGLE) {
    if (count(kind) > 1) return `Only one column can be “${name}”.`;
  }
  const labels = mapping.columns.flatMap((c) =>
    c.role.kind === "custom" ? [c.role.label.trim().toLowerCase()] : c.role.kind === "email" ? ["email"] : [],
  );
  if (labels.some((l) => l === "")) return "Every custom variable needs a label.";
  const seen = new Set<string>();
  for (const label of labels) {
    if (seen.has(label)) return `Two columns would fill the custom variable “${label}”. Rename one.`;
    seen.add(label);
  }
  return null;
}

/** What will happen to a row, in words. */
export function outcomeText(outcome: PlannedOutcome): string {
  switch (outcome) {
    case "new":
      return "Will be added";
    case "update":
      return "Will update the contact";
    case "skipped-duplicate-in-file":
      return "Skipped: repeated in the file";
    case "skipped-existing":
      return "Skipped: already a contact";
    case "invalid":
      return "Can't be imported";
  }
}

export function outcomeTone(outcome: PlannedOutcome): "success" | "info" | "warning" | "danger" {
  switch (outcome) {
    case "new":
      return "success";
    case "update":
      return "info";
    case "invalid":
      return "danger";
    default:
      return "warning";
  }
}

/** "12 KB", "3.4 MB". */
export const sizeText = fileSize;

/** Countries offered for numbers written without a country code. */
export const COUNTRIES: ReadonlyArray<{ value: string; label: string }> = [
  { value: "US", label: "United States (+1)" },
  { value: "CA", label: "Canada (+1)" },
  { value: "GB", label: "United Kingdom (+44)" },
  { value: "IE", label: "Ireland (+353)" },
  { value: "AU", label: "Australia (+61)" },
  { value: "NZ", label: "New Zealand (+64)" },
  { value: "DE", label: "Germany (+49)" },
  { value: "FR", label: "France (+33)" },
  { value: "ES", label: "Spain (+34)" },
  { value: "IT", label: "Italy (+39)" },
  { value: "NL", label: "Netherlands (+31)" },
  { value: "BE", label: "Belgium (+32)" },
  { value: "CH", label: "Switzerland (+41)" },
  { value: "AT", label: "Austria (+43)" },
  { value: "SE", label: "Sweden (+46)" },
  { value: "NO", label: "Norway (+47)" },
  { value: "DK", label: "Denmark (+45)" },
  { value: "PT", label: "Portugal (+351)" },
  { value: "PL", label: "Poland (+48)" },
  { value: "MX", label: "Mexico (+52)" },
  { value: "BR", label: "Brazil (+55)" },
  { value: "AR", label: "Argentina (+54)" },
  { value: "IN", label: "India (+91)" },
  { value: "IL", label: "Israel (+972)" },
  { value: "ZA", label: "South Africa (+27)" },
  { value: "SG", label: "Singapore (+65)" },
  { value: "JP", label: "Japan (+81)" },
  { value: "PR", label: "Puerto Rico (+1)" },
];

/** The country list, with `code` added when it isn't in it (a Settings choice we don't list). */
export function countryOptions(code: string): ReadonlyArray<{ value: string; label: string }> {
  return COUNTRIES.some((c) => c.value === code) ? COUNTRIES : [{ value: code, label: code }, ...COUNTRIES];
}
