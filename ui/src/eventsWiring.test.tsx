// The app listens to the backend's events while mounted: an audit entry written elsewhere
// (a send from the compose page, a job's end) refreshes the open audit log.
import { act, waitFor } from "@testing-library/react";
import { emit } from "@tauri-apps/api/event";
import { describe, expect, it } from "vitest";
import type { AuditEntry_Serialize } from "./bindings.gen.ts";
import { installBackend, SANDBOX } from "./test/backend.ts";
import { renderApp } from "./test/render.tsx";

describe("backend events", () => {
  it("an audit entry written while the audit log is open reads the log again", async () => {
    const backend = installBackend();
    renderApp("/audit");
    await waitFor(() => expect(backend.callsTo("audit_query").length).toBeGreaterThan(0));
    const before = backend.callsTo("audit_query").length;

    await act(async () => {
      await emit("audit-appended", {
        id: 99,
        at: "2025-01-01T00:00:00Z",
        profile_id: SANDBOX.id,
        profile_name: SANDBOX.name,
        action: "contact.create",
        target: "+14155550123",
        ok: true,
        error_code: null,
        error_message: null,
        details: null,
      } satisfies AuditEntry_Serialize);
    });
    await waitFor(() => expect(backend.callsTo("audit_query").length).toBeGreaterThan(before));
  });
});
