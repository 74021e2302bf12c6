// The audit page's filter form and the query it becomes.
import type { AuditQuery_Deserialize } from "../../bindings.gen.ts";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilterForm {
  /** An action or a family ending in "." ("" = all). */
  action: string;
  /** "" = all, "ok" = worked, "error" = failed. */
  outcome: "" | "ok" | "error";
  /** Text the target contains. */
  text: string;
  /** Local dates (yyyy-mm-dd), inclusive; "" = open. */
  from: string;
  to: string;
}

export const EMPTY_FILTER: AuditFilterForm = { action: "", outcome: "", text: "", from: "", to: "" };

/** Local midnight of a yyyy-mm-dd date, as ISO 8601 UTC. */
function startOfDay(date: string, addDays = 0): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(y!, m! - 1, d! + addDays).toISOString();
}

/** Why the dates can't be used (`null`: they can). */
export function dateRangeError(form: AuditFilterForm): string | null {
  if (form.from && form.to && form.from > form.to) return "The start date is after the end date.";
  return null;
}

/** The backend query for the form (without paging). */
export function toQuery(form: AuditFilterForm): AuditQuery_Deserialize {
  return {
    action: form.action || null,
    target: form.text.trim() || null,
    result: form.outcome || null,
    since: form.from ? startOfDay(form.from) : null,
    // Up to the end of the last day chosen.
    until: form.to ? startOfDay(form.to, 1) : null,
  };
}

export function isFiltered(form: AuditFilterForm): boolean {
  return form.action !== "" || form.outcome !== "" || form.text.trim() !== "" || form.from !== "" || form.to !== "";
}
