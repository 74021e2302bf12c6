import { act, screen, waitFor, within } from "@testing-library/react";
import { emit } from "@tauri-apps/api/event";
import { describe, expect, it } from "vitest";
import type { JobProgress_Serialize } from "../../bindings.gen.ts";
import { contact, installBackend, jobInfo } from "../../test/backend.ts";
import { renderApp } from "../../test/render.tsx";

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

describe("the contacts page", () => {
  it("lists the mirror's contacts and searches it with the typed text", async () => {
    const backend = installBackend();
    const { user } = renderApp("/contacts");

    const rows = await screen.findAllByTestId("contact-row");
    expect(rows.map((r) => r.getAttribute("data-phone"))).toEqual(["+14155550123", "+14155550124"]);
    expect(screen.getByTestId("contacts-last-synced").textContent).toMatch(/Last synced/);

    await user.type(screen.getByTestId("contacts-search"), "grace");
    await waitFor(() => expect(backend.callsTo("mirror_search").some((a) => (a.query as { text: string }).text === "grace")).toBe(true));
    await waitFor(() => expect(screen.getAllByTestId("contact-row").map((r) => r.getAttribute("data-phone"))).toEqual(["+14155550124"]));
  });

  it("opens on a number named in the address, and drops it from the address", async () => {
    installBackend();
    renderApp("/contacts?number=+14155550124");

    await waitFor(() => expect(screen.getAllByTestId("contact-row").map((r) => r.getAttribute("data-phone"))).toEqual(["+14155550124"]));
    expect((screen.getByTestId("contacts-search") as HTMLInputElement).value).toBe("+14155550124");
    expect(window.location.hash).toBe("#/contacts");
  });

  it("formats the phone as it is typed and sends nothing when it is invalid", async () => {
    const backend = installBackend();
    const { user } = renderApp("/contacts");
    await user.click(await screen.findByTestId("contact-new"));
    const phone = screen.getByTestId("contact-phone") as HTMLInputElement;

    await user.type(phone, "415555");
    expect(phone.value).toBe("(415) 555");
    await user.click(screen.getByTestId("contact-save"));
    expect(screen.getByTestId("contact-phone-error").textContent).toMatch(/isn't a whole phone number/);
    expect(backend.callsTo("contacts_create")).toEqual([]);
  });

  it("creates a contact with its number in E.164", async () => {
    const backend = installBackend();
    const { user } = renderApp("/contacts");
    await user.click(await screen.findByTestId("contact-new"));

    await user.type(screen.getByTestId("contact-phone"), "(415) 555-0199");
    expect((screen.getByTestId("contact-phone") as HTMLInputElement).value).toBe("(415) 555-0199");
    await user.type(screen.getByTestId("contact-first-name"), "Alan");
    await user.type(screen.getByTestId("contact-last-name"), "Turing");
    await user.click(screen.getByTestId("contact-save"));

    await waitFor(() => expect(backend.callsTo("contacts_create")).toHaveLength(1));
    const sent = backend.callsTo("contacts_create")[0]!.contact as Record<string, unknown>;
    expect(sent.number).toBe("+14155550199");
    expect(sent.first_name).toBe("Alan");
    await waitFor(() => expect(screen.queryByTestId("contact-form")).toBeNull());
  });

  it("shows a server error under the field it names", async () => {
    const backend = installBackend();
    backend.on("contacts_create", () => {
      throw { code: "Validation", message: "This number is already a contact.", detail: { status: 409, error_code: null, message: null, field: "number", retry_after_ms: null, excerpt: null } };
    });
    const { user } = renderApp("/contacts");
    await user.click(await screen.findByTestId("contact-new"));
    await user.type(screen.getByTestId("contact-phone"), "4155550123");
    await user.click(screen.getByTestId("contact-save"));
    expect((await screen.findByTestId("contact-phone-error")).textContent).toBe("This number is already a contact.");
  });

  it("asks before deleting a contact", async () => {
    const backend = installBackend();
    const { user } = renderApp("/contacts");
    const row = (await screen.findAllByTestId("contact-row"))[0]!;
    await user.click(within(row).getByTestId("contact-edit"));
    await user.click(screen.getByTestId("contact-delete"));

    expect(screen.getByTestId("contact-delete-dialog").textContent).toMatch(/Delete this contact\?/);
    expect(backend.callsTo("contacts_delete")).toEqual([]);
    await user.click(screen.getByTestId("contact-delete-confirm"));
    await waitFor(() => expect(backend.callsTo("contacts_delete")).toEqual([{ phoneNumber: "+14155550123" }]));
    await waitFor(() => expect(screen.getAllByTestId("contact-row")).toHaveLength(1));
  });

  it("bulk-deletes the selection as a job, with progress from its events", async () => {
    const backend = installBackend();
    const { user } = renderApp("/contacts");
    const rows = await screen.findAllByTestId("contact-row");
    await user.click(within(rows[0]!).getByTestId("contact-select"));
    await user.click(within(rows[1]!).getByTestId("contact-select"));
    await user.click(screen.getByTestId("contacts-delete-selected"));

    expect(screen.getByTestId("contacts-delete-selected-dialog").textContent).toMatch(/backup/i);
    await user.click(screen.getByTestId("contacts-delete-selected-confirm"));
    await waitFor(() => expect(backend.callsTo("jobs_bulk_delete")).toEqual([{ phones: ["+14155550123", "+14155550124"] }]));

    await act(() =>
      emit("job-progress", { job_id: "job-1", kind: "bulk_delete", state: "running", done: 1, total: 2, failed: 0, rate_per_sec: null, eta_secs: null } satisfies JobProgress_Serialize),
    );
    await waitFor(() => expect(screen.getByTestId("job-progress").textContent).toMatch(/1 of 2/));

    await act(() =>
      emit("job-finished", jobInfo("job-1", {
        state: "completed",
        done: 2,
        total: 2,
        report: { job_id: "job-1", kind: "bulk_delete", state: "completed", total: 2, counts: { deleted: 2 }, report_csv: null, backup_csv: "/tmp/backup.csv", output: null, finished_at: "2025-01-01T00:00:00Z", error: null },
      })),
    );
    expect((await screen.findByTestId("job-report")).textContent).toMatch(/2 deleted\..*\/tmp\/backup\.csv/);
  });

  it("keeps HTML in names, tags and custom variables as plain text", async () => {
    installBackend((s) => {
      s.contacts = [contact("+14155550150", { first_name: XSS, tags: [XSS], custom_variables: { [XSS]: XSS } })];
    });
    const { user } = renderApp("/contacts");
    const row = await screen.findByTestId("contact-row");
    expect(row.textContent).toContain(XSS);
    expect(row.querySelector("img, script")).toBeNull();

    await user.click(within(row).getByTestId("contact-edit"));
    const form = screen.getByTestId("contact-form");
    expect((screen.getByTestId("contact-first-name") as HTMLInputElement).value).toBe(XSS);
    expect((within(form).getByTestId("contact-variable-key") as HTMLInputElement).value).toBe(XSS);
    expect((within(form).getByTestId("contact-variable-value") as HTMLInputElement).value).toBe(XSS);
    expect(document.querySelector("img[src=x], script")).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("offers every line of the account in the Line filter, not only the loaded rows' lines", async () => {
    installBackend();
    renderApp("/contacts");
    await screen.findAllByTestId("contact-row");
    const select = screen.getByTestId("contacts-filter-line") as HTMLSelectElement;
    await waitFor(() => expect([...select.options].map((o) => o.value)).toEqual(["", "+14155550100", "+14155550101"]));
  });

  it("names each opt-out checkbox after its contact", async () => {
    installBackend();
    renderApp("/contacts");
    await screen.findAllByTestId("contact-row");
    expect(screen.getByRole("checkbox", { name: "Ada Lovelace opted out of SMS" })).toBeTruthy();
    const names = screen.getAllByTestId("contact-opt-out").map((box) => (box.closest("label") as HTMLElement).textContent);
    expect(new Set(names).size).toBe(names.length);
  });

  it("deletes all matching contacts once, keeping the button busy while it collects them", async () => {
    const backend = installBackend();
    const { user } = renderApp("/contacts");
    await screen.findAllByTestId("contact-row");
    await user.click(screen.getByTestId("contacts-select-all"));
    await user.click(screen.getByTestId("contacts-delete-selected"));
    const confirm = screen.getByTestId("contacts-delete-selected-confirm");
    await user.click(confirm);
    await user.click(confirm);
    await waitFor(() => expect(backend.callsTo("jobs_bulk_delete")).toEqual([{ phones: ["+14155550123", "+14155550124"] }]));
  });

  it("fetches the next page before a scroll reaches it", async () => {
    const backend = installBackend((s) => {
      s.contacts = Array.from({ length: 500 }, (_, i) => contact(`+1415600${String(i).padStart(4, "0")}`, { first_name: `P${String(i).padStart(4, "0")}` }));
    });
    renderApp("/contacts");
    await screen.findAllByTestId("contact-row");
    const offsets = () => backend.callsTo("mirror_search").map((a) => (a.query as { offset: number }).offset);
    expect(offsets()).not.toContain(200);

    // Rows 170–190 on screen: page 0 holds them all, and page 1 is fetched ahead of the scroll.
    const box = screen.getByRole("rowgroup", { name: "Contacts" });
    const before = screen.getAllByTestId("contact-row").find((r) => r.getAttribute("aria-rowindex") === String(175 + 2));
    act(() => {
      box.scrollTop = 170 * 44;
      box.dispatchEvent(new Event("scroll"));
    });
    await waitFor(() => expect(offsets()).toContain(200));
    const row = await waitFor(() => {
      const found = screen.getAllByTestId("contact-row").find((r) => r.getAttribute("aria-rowindex") === String(175 + 2));
      expect(found).toBeTruthy();
      return found!;
    });
    expect(before).toBeUndefined();
    expect(row.getAttribute("data-phone")).toBe("+14156000175");
  });
});
