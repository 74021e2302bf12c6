import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { appError, installBackend } from "../../test/backend.ts";
import { auditEntry } from "../../test/fake/audit.ts";
import { renderApp } from "../../test/render.tsx";

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

function someEntries() {
  return [
    auditEntry(3, { action: "webhook.remove", target: "https://hooks.example.com/in", at: "2025-03-03T10:00:00Z" }),
    auditEntry(2, {
      action: "contact.delete",
      target: "+14155550124",
      ok: false,
      error_code: "NotFound",
      error_message: "This contact doesn't exist any more.",
      at: "2025-03-02T10:00:00Z",
    }),
    auditEntry(1, { action: "contact.create", target: "+14155550123", details: '{"first_name":"Ada"}', at: "2025-03-01T10:00:00Z" }),
  ];
}

function lastQuery(backend: ReturnType<typeof installBackend>) {
  const calls = backend.callsTo("audit_query");
  return calls[calls.length - 1]!.filter as Record<string, unknown>;
}

describe("the audit log page", () => {
  it("explains an empty log", async () => {
    installBackend();
    renderApp("/audit");
    expect(await screen.findByTestId("audit-page")).toBeTruthy();
    expect((await screen.findByTestId("audit-empty")).textContent).toMatch(/No changes recorded yet/);
  });

  it("lists the changes in plain words, newest first, with the first page asked for", async () => {
    const backend = installBackend((s) => {
      s.areas.audit.entries = someEntries();
    });
    renderApp("/audit");
    const rows = await screen.findAllByTestId("audit-row");
    expect(rows.map((r) => r.dataset.action)).toEqual(["webhook.remove", "contact.delete", "contact.create"]);
    expect(within(rows[0]!).getByText("Removed a webhook")).toBeTruthy();
    expect(within(rows[1]!).getByText("Failed")).toBeTruthy();
    expect(within(rows[2]!).getByText("Worked")).toBeTruthy();
    expect(screen.getByTestId("audit-range").textContent).toBe("1–3 of 3");
    expect(backend.callsTo("audit_query")[0]).toEqual({
      filter: { action: null, target: null, result: null, since: null, until: null, offset: 0, limit: 50 },
    });
  });

  it("filters by kind of change, result, text and dates", async () => {
    const backend = installBackend((s) => {
      s.areas.audit.entries = someEntries();
    });
    const { user } = renderApp("/audit");
    await screen.findAllByTestId("audit-row");

    await user.selectOptions(screen.getByTestId("audit-filter-action"), "contact.");
    await waitFor(() => expect(lastQuery(backend).action).toBe("contact."));
    await waitFor(() => expect(screen.getAllByTestId("audit-row")).toHaveLength(2));

    await user.selectOptions(screen.getByTestId("audit-filter-outcome"), "error");
    await waitFor(() => expect(lastQuery(backend).result).toBe("error"));
    await waitFor(() => expect(screen.getAllByTestId("audit-row").map((r) => r.dataset.action)).toEqual(["contact.delete"]));

    await user.selectOptions(screen.getByTestId("audit-filter-outcome"), "");
    await user.type(screen.getByTestId("audit-filter-text"), "0123");
    await waitFor(() => expect(lastQuery(backend).target).toBe("0123"));
    await waitFor(() => expect(screen.getAllByTestId("audit-row").map((r) => r.dataset.action)).toEqual(["contact.create"]));

    await user.click(screen.getByTestId("audit-filter-clear"));
    await waitFor(() => expect(screen.getAllByTestId("audit-row")).toHaveLength(3));

    await user.type(screen.getByTestId("audit-filter-from"), "2025-03-02");
    await user.type(screen.getByTestId("audit-filter-to"), "2025-03-02");
    await waitFor(() => {
      const q = lastQuery(backend);
      expect(q.since).toBe(new Date(2025, 2, 2).toISOString());
      expect(q.until).toBe(new Date(2025, 2, 3).toISOString());
    });
  });

  it("refuses a date range that ends before it starts, without asking the backend", async () => {
    const backend = installBackend((s) => {
      s.areas.audit.entries = someEntries();
    });
    const { user } = renderApp("/audit");
    await screen.findAllByTestId("audit-row");
    await user.type(screen.getByTestId("audit-filter-from"), "2025-03-05");
    await user.type(screen.getByTestId("audit-filter-to"), "2025-03-01");
    expect(screen.getByTestId("audit-filter-to-error").textContent).toBe("The start date is after the end date.");
    expect(backend.callsTo("audit_query").some((c) => (c.filter as { until: string | null }).until === new Date(2025, 2, 2).toISOString())).toBe(false);
  });

  it("shows no match with a way to clear the filters", async () => {
    installBackend((s) => {
      s.areas.audit.entries = someEntries();
    });
    const { user } = renderApp("/audit");
    await screen.findAllByTestId("audit-row");
    await user.type(screen.getByTestId("audit-filter-text"), "nothing-like-this");
    expect((await screen.findByTestId("audit-empty")).textContent).toMatch(/No changes match these filters/);
    await user.click(within(screen.getByTestId("audit-empty")).getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(screen.getAllByTestId("audit-row")).toHaveLength(3));
  });

  it("pages through a long log", async () => {
    const backend = installBackend((s) => {
      s.areas.audit.entries = Array.from({ length: 120 }, (_, i) => auditEntry(120 - i));
    });
    const { user } = renderApp("/audit");
    await waitFor(() => expect(screen.getAllByTestId("audit-row")).toHaveLength(50));
    expect(screen.getByTestId("audit-range").textContent).toBe("1–50 of 120");
    await user.click(screen.getByTestId("audit-next"));
    await waitFor(() => expect(lastQuery(backend).offset).toBe(50));
    await user.click(screen.getByTestId("audit-next"));
    await waitFor(() => expect(screen.getByTestId("audit-range").textContent).toBe("101–120 of 120"));
    expect(screen.getAllByTestId("audit-row")).toHaveLength(20);
    expect((screen.getByTestId("audit-next") as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows every field of an entry", async () => {
    installBackend((s) => {
      s.areas.audit.entries = someEntries();
    });
    const { user } = renderApp("/audit");
    const rows = await screen.findAllByTestId("audit-row");
    await user.click(within(rows[1]!).getByTestId("audit-row-details"));
    const detail = await screen.findByTestId("audit-detail");
    expect(within(detail).getByTestId("audit-detail-target").textContent).toBe("+14155550124");
    expect(within(detail).getByTestId("audit-detail-result").textContent).toBe("Failed: This contact doesn't exist any more.");
    await user.click(within(detail).getByRole("button", { name: "Close" }));
    await user.click(within(screen.getAllByTestId("audit-row")[2]!).getByTestId("audit-row-details"));
    // A labelled list, not raw JSON.
    expect((await screen.findByTestId("audit-detail-details")).textContent).toBe("First nameAda");
  });

  it("exports what the filters match and says where it was saved", async () => {
    const backend = installBackend((s) => {
      s.areas.audit.entries = someEntries();
    });
    const { user } = renderApp("/audit");
    await screen.findAllByTestId("audit-row");
    await user.selectOptions(screen.getByTestId("audit-filter-outcome"), "ok");
    await user.click(screen.getByTestId("audit-export"));
    await waitFor(() =>
      expect(backend.callsTo("audit_export")).toEqual([
        { filter: { action: null, target: null, result: "ok", since: null, until: null } },
      ]),
    );
    const toast = await screen.findByText("Audit log saved");
    expect(within(toast.closest("li")!).getByText("/home/ada/sendblue-audit-log.csv")).toBeTruthy();
  });

  it("shows an export failure in plain words and nothing when cancelled", async () => {
    const backend = installBackend((s) => {
      s.areas.audit.exportPath = null;
    });
    const { user } = renderApp("/audit");
    await screen.findByTestId("audit-empty");
    await user.click(screen.getByTestId("audit-export"));
    await waitFor(() => expect(backend.callsTo("audit_export")).toHaveLength(1));
    expect(screen.queryAllByTestId("toast")).toHaveLength(0);
    backend.on("audit_export", () => {
      throw appError("Io", "Couldn't export the audit log: read-only folder");
    });
    await user.click(screen.getByTestId("audit-export"));
    expect(await screen.findByText("Couldn't export the audit log: read-only folder")).toBeTruthy();
  });

  it("shows a read failure in plain words", async () => {
    const backend = installBackend();
    backend.on("audit_query", () => {
      throw appError("Io", "Couldn't use the audit log: database is locked");
    });
    renderApp("/audit");
    expect((await screen.findByTestId("audit-error")).textContent).toContain("database is locked");
  });

  it("keeps HTML and script in targets, details and errors as plain text", async () => {
    installBackend((s) => {
      s.areas.audit.entries = [
        auditEntry(1, { target: XSS, ok: false, error_message: XSS, details: JSON.stringify({ name: XSS }), profile_name: XSS }),
      ];
    });
    const { user } = renderApp("/audit");
    const [row] = await screen.findAllByTestId("audit-row");
    expect(within(row!).getAllByText(XSS)).toHaveLength(2);
    await user.click(within(row!).getByTestId("audit-row-details"));
    const detail = await screen.findByTestId("audit-detail");
    expect(within(detail).getByTestId("audit-detail-result").textContent).toBe(`Failed: ${XSS}`);
    for (const root of [screen.getByTestId("audit-page"), detail]) {
      expect(root.querySelector("img")).toBeNull();
      expect(root.querySelector("script")).toBeNull();
    }
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
