// The fake backend's audit commands (see ../backend.ts). Owned by the audit page's tests.
import type { AuditEntry_Serialize, AuditQuery_Deserialize } from "../../bindings.gen.ts";
import type { FakeContext, Handler } from "./context.ts";

export interface AuditState {
  /** The log, newest first. */
  entries: AuditEntry_Serialize[];
  /** What `audit_export` answers (`null`: the person cancelled the save dialog). */
  exportPath: string | null;
}

/** An audit entry (override what the test cares about). */
export function auditEntry(id: number, fields: Partial<AuditEntry_Serialize> = {}): AuditEntry_Serialize {
  return {
    id,
    at: `2025-03-0${Math.min(9, Math.max(1, id))}T10:00:00Z`,
    profile_id: "p-sandbox",
    profile_name: "Sandbox",
    action: "contact.create",
    target: "+14155550123",
    ok: true,
    error_code: null,
    error_message: null,
    details: null,
    ...fields,
  };
}

export function auditState(): AuditState {
  return { entries: [], exportPath: "/home/ada/sendblue-audit-log.csv" };
}

/** The entries `q` matches, like console-core's filters. */
export function matching(all: AuditEntry_Serialize[], q: AuditQuery_Deserialize): AuditEntry_Serialize[] {
  return all.filter((e) => {
    if (q.action) {
      if (q.action.endsWith(".") ? !e.action.startsWith(q.action) : e.action !== q.action) return false;
    }
    if (q.target && !e.target.toLowerCase().includes(q.target.toLowerCase())) return false;
    if (q.result === "ok" && !e.ok) return false;
    if (q.result === "error" && e.ok) return false;
    if (q.since && Date.parse(e.at) < Date.parse(q.since)) return false;
    if (q.until && Date.parse(e.at) >= Date.parse(q.until)) return false;
    return true;
  });
}

export function auditHandlers(ctx: FakeContext<AuditState>): Record<string, Handler> {
  return {
    audit_query: (args) => {
      ctx.need();
      const q = args.filter as AuditQuery_Deserialize;
      const rows = matching(ctx.state.entries, q);
      const offset = q.offset ?? 0;
      return { entries: rows.slice(offset, offset + (q.limit ?? 100)), total: rows.length, offset };
    },
    audit_export: () => ctx.state.exportPath,
  };
}
