import { act, screen, waitFor, within } from "@testing-library/react";
import { emit } from "@tauri-apps/api/event";
import { describe, expect, it } from "vitest";
import type { JobInfo_Serialize, JobProgress_Serialize } from "../bindings.gen.ts";
import { installBackend, jobInfo } from "../test/backend.ts";
import { renderApp } from "../test/render.tsx";

const report = (counts: Record<string, number>) => ({
  job_id: "done-1",
  kind: "bulk_delete" as const,
  state: "completed" as const,
  total: 14,
  counts,
  report_csv: "/jobs/done-1/report.csv",
  backup_csv: null,
  output: null,
  finished_at: "2025-01-01T00:00:00Z",
  error: null,
});

function items() {
  return within(screen.getByTestId("jobs-panel")).getAllByTestId("job-item");
}

function item(kind: string) {
  return items().find((el) => el.dataset.kind === kind)!;
}

describe("the background jobs indicator", () => {
  it("stays hidden while the profile has no jobs", async () => {
    const backend = installBackend();
    renderApp();
    await waitFor(() => expect(backend.callsTo("jobs_list")).toHaveLength(1));
    expect(screen.queryByTestId("jobs-indicator")).toBeNull();
  });

  it("lists running, paused and finished jobs after a restart, with progress and plain report counts", async () => {
    const backend = installBackend();
    backend.on("jobs_list", () => [
      jobInfo("run-1", { kind: "export_contacts", state: "running", done: 30, total: 120 }),
      jobInfo("paused-1", { kind: "import_contacts", state: "interrupted", done: 5, total: 50 }),
      jobInfo("done-1", { kind: "bulk_delete", state: "completed", done: 14, total: 14, report: report({ deleted: 12, not_found: 2, failed: 0 }) }),
    ]);
    const { user } = renderApp();

    const indicator = await screen.findByTestId("jobs-indicator");
    expect(within(indicator).getByTestId("jobs-indicator-summary").textContent).toBe("1 running, 1 paused");
    const button = within(indicator).getByRole("button", { name: /background jobs/i });
    expect(button.getAttribute("aria-expanded")).toBe("false");

    // Keyboard: focus the button, Enter opens the panel, Esc closes it and returns focus.
    button.focus();
    await user.keyboard("{Enter}");
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(items().map((el) => [el.dataset.kind, el.dataset.state])).toEqual([
      ["export_contacts", "running"],
      ["import_contacts", "interrupted"],
      ["bulk_delete", "completed"],
    ]);
    const running = item("export_contacts");
    expect(within(running).getByRole("progressbar", { name: "Exporting contacts" }).getAttribute("aria-valuenow")).toBe("30");
    expect(within(running).getByTestId("job-item-progress-count").textContent).toBe("30 of 120");
    expect(within(item("import_contacts")).getByTestId("job-item-state").textContent).toContain("Paused");
    expect(within(item("bulk_delete")).getByTestId("job-item-counts").textContent).toBe("12 deleted · 2 weren't found");

    within(screen.getByTestId("jobs-panel")).getByTestId("job-item-resume").focus();
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("jobs-panel")).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it("follows job events: progress moves the bar, the end shows the report", async () => {
    const backend = installBackend();
    backend.on("jobs_list", () => [jobInfo("run-1", { kind: "bulk_delete", state: "running", done: 1, total: 10 })]);
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: /background jobs/i }));

    await act(async () => {
      await emit("job-progress", {
        job_id: "run-1", kind: "bulk_delete", state: "running", done: 6, total: 10, failed: 0, rate_per_sec: null, eta_secs: null,
      } satisfies JobProgress_Serialize);
    });
    await waitFor(() => expect(within(item("bulk_delete")).getByTestId("job-item-progress-count").textContent).toBe("6 of 10"));

    await act(async () => {
      await emit("job-finished", jobInfo("run-1", {
        kind: "bulk_delete", state: "completed", done: 10, total: 10, report: { ...report({ deleted: 10 }), job_id: "run-1" },
      }) satisfies JobInfo_Serialize);
    });
    await waitFor(() => expect(item("bulk_delete").dataset.state).toBe("completed"));
    expect(screen.getByTestId("jobs-indicator-summary").textContent).toBe("none running");
    expect(within(item("bulk_delete")).getByTestId("job-item-counts").textContent).toBe("10 deleted");
  });

  it("resumes a paused job, cancels a running one after confirming, and saves a finished one's report", async () => {
    const backend = installBackend();
    backend.on("jobs_list", () => [
      jobInfo("run-1", { kind: "export_messages", state: "running", done: 2, total: 9 }),
      jobInfo("paused-1", { kind: "bulk_delete", state: "interrupted", done: 5, total: 50 }),
      jobInfo("done-1", { kind: "export_contacts", state: "completed", report: report({ exported: 40 }) }),
    ]);
    backend.on("jobs_resume", (args) => jobInfo(args.id as string, { kind: "bulk_delete", state: "running", done: 5, total: 50 }));
    backend.on("jobs_save_report", () => "/home/ada/done-1-report.csv");
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: /background jobs/i }));

    await user.click(within(item("bulk_delete")).getByRole("button", { name: /resume/i }));
    expect(backend.callsTo("jobs_resume")).toEqual([{ id: "paused-1" }]);

    await user.click(within(item("export_messages")).getByTestId("job-item-cancel"));
    await user.click(await screen.findByTestId("job-item-cancel-confirm"));
    expect(backend.callsTo("jobs_cancel")).toEqual([{ id: "run-1" }]);

    await user.click(within(item("export_contacts")).getByRole("button", { name: /save report/i }));
    expect(backend.callsTo("jobs_save_report")).toEqual([{ id: "done-1" }]);
    expect(await screen.findByText("Report saved")).toBeTruthy();
  });

  it("says why resuming failed, in plain words", async () => {
    const backend = installBackend();
    backend.on("jobs_list", () => [jobInfo("paused-1", { kind: "bulk_delete", state: "interrupted" })]);
    backend.on("jobs_resume", () => {
      throw { code: "Network", message: "Sendblue couldn't be reached. Check the connection and try again.", detail: null };
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: /background jobs/i }));
    await user.click(within(item("bulk_delete")).getByTestId("job-item-resume"));
    expect(await screen.findByText("Sendblue couldn't be reached. Check the connection and try again.")).toBeTruthy();
  });
});

describe("opening the jobs panel by deep link", () => {
  it("?jobs=1 on any page opens and focuses the panel, even with no jobs", async () => {
    installBackend();
    renderApp("/contacts?jobs=1");
    const panel = await screen.findByTestId("jobs-panel");
    await waitFor(() => expect(document.activeElement).toBe(panel));
    expect(panel.textContent).toContain("Nothing is running right now.");
    expect(window.location.hash).toBe("#/contacts");
  });
});
