import { QueryClientProvider } from "@tanstack/react-query";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { emit } from "@tauri-apps/api/event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { JobProgress_Serialize } from "../bindings.gen.ts";
import type { JobView } from "../events.ts";
import { createQueryClient } from "../queryClient.ts";
import { queryKeys } from "../queryKeys.ts";
import { appError, installBackend } from "../test/backend.ts";
import { renderApp } from "../test/render.tsx";
import { estimateSecondsLeft, JobProgress, timeLeftText } from "./JobProgress.tsx";
import { ToastProvider } from "./Toast.tsx";

function view(done: number, total: number, fields: Partial<JobView> = {}): JobView {
  return { id: "job-7", kind: "import_contacts", state: "running", done, total, failed: 0, info: null, ...fields };
}

function renderMeter() {
  const queryClient = createQueryClient();
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <JobProgress jobId="job-7" title="Importing contacts" testId="meter" cancelTestId="meter-cancel" cancelQuestion="Stop this import?" />
      </ToastProvider>
    </QueryClientProvider>,
  );
  return { queryClient, user };
}

/** Puts a job's view in the cache as its events would, and lets the page catch up. */
async function setJob(queryClient: ReturnType<typeof createQueryClient>, job: JobView) {
  await act(async () => {
    queryClient.setQueryData(queryKeys.job("job-7"), job);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe("estimating the time left", () => {
  it("uses the rate between the first and the latest sample", () => {
    expect(estimateSecondsLeft({ done: 0, at: 0 }, { done: 50, at: 10_000 }, 100)).toBe(10);
    expect(estimateSecondsLeft({ done: 100, at: 0 }, { done: 200, at: 1_000 }, 10_100)).toBe(99);
  });

  it("has no estimate until something moved", () => {
    expect(estimateSecondsLeft({ done: 5, at: 0 }, { done: 5, at: 9_000 }, 100)).toBeNull();
    expect(estimateSecondsLeft({ done: 0, at: 5 }, { done: 5, at: 5 }, 100)).toBeNull();
  });

  it("says it in words", () => {
    expect(timeLeftText(null)).toBe("Working out the time left…");
    expect(timeLeftText(3)).toBe("Almost done");
    expect(timeLeftText(42)).toBe("About 42 seconds left");
    expect(timeLeftText(60)).toBe("About 1 minute left");
    expect(timeLeftText(600)).toBe("About 10 minutes left");
    expect(timeLeftText(2 * 3600)).toBe("About 2 hours left");
    expect(timeLeftText(3600 + 30 * 60)).toBe("About 1 hour 30 min left");
  });
});

describe("JobProgress", () => {
  it("shows done of total, failures and an accessible progress bar", async () => {
    installBackend();
    const { queryClient } = renderMeter();
    await setJob(queryClient, view(25, 200, { failed: 3 }));
    expect(screen.getByTestId("meter-count").textContent).toBe("25 of 200");
    expect(screen.getByTestId("meter-failed").textContent).toBe("3 failed");
    const bar = screen.getByRole("progressbar", { name: "Importing contacts" });
    expect(bar.getAttribute("aria-valuenow")).toBe("25");
    expect(bar.getAttribute("aria-valuemax")).toBe("200");
    expect(bar.getAttribute("aria-valuetext")).toBe("25 of 200 (13%)");
  });

  it("computes the time left from the rate of the job's events", async () => {
    installBackend();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-01-01T00:00:00Z"));
    const { queryClient } = renderMeter();
    await setJob(queryClient, view(0, 1000));
    expect(screen.getByTestId("meter-eta").textContent).toBe("Working out the time left…");

    vi.setSystemTime(new Date("2025-01-01T00:00:10Z"));
    await setJob(queryClient, view(100, 1000));
    // 100 rows in 10 s: 900 left at 10 a second.
    expect(screen.getByTestId("meter-eta").textContent).toBe("About 2 minutes left");

    vi.setSystemTime(new Date("2025-01-01T00:01:30Z"));
    await setJob(queryClient, view(900, 1000));
    expect(screen.getByTestId("meter-eta").textContent).toBe("About 10 seconds left");
  });

  it("cancels through jobs_cancel only after a confirmation", async () => {
    const backend = installBackend();
    const { queryClient, user } = renderMeter();
    await setJob(queryClient, view(1, 10));
    await user.click(screen.getByTestId("meter-cancel"));
    expect(screen.getByTestId("meter-cancel-dialog").textContent).toMatch(/Stop this import\?/);
    expect(backend.callsTo("jobs_cancel")).toEqual([]);
    await user.click(screen.getByText("Keep going"));
    expect(screen.queryByTestId("meter-cancel-dialog")).toBeNull();
    expect(backend.callsTo("jobs_cancel")).toEqual([]);

    await user.click(screen.getByTestId("meter-cancel"));
    await user.click(screen.getByTestId("meter-cancel-confirm"));
    await waitFor(() => expect(backend.callsTo("jobs_cancel")).toEqual([{ id: "job-7" }]));
    expect(await screen.findByText("Stopping…")).toBeTruthy();
  });

  it("says why cancelling failed", async () => {
    const backend = installBackend();
    backend.on("jobs_cancel", () => {
      throw appError("NotFound", "This job doesn't exist any more.");
    });
    const { queryClient, user } = renderMeter();
    await setJob(queryClient, view(1, 10));
    await user.click(screen.getByTestId("meter-cancel"));
    await user.click(screen.getByTestId("meter-cancel-confirm"));
    expect(await screen.findByText("This job doesn't exist any more.")).toBeTruthy();
  });

  it("has no Cancel button once the job has ended", async () => {
    installBackend();
    const { queryClient } = renderMeter();
    await setJob(queryClient, view(10, 10, { state: "completed" }));
    expect(screen.queryByTestId("meter-cancel")).toBeNull();
    expect(screen.queryByTestId("meter-eta")).toBeNull();
  });

  it("gives the contacts page's bulk delete a Cancel button", async () => {
    const backend = installBackend();
    const { user } = renderApp("/contacts");
    await user.click((await screen.findAllByTestId("contact-select"))[0]!);
    await user.click(screen.getByTestId("contacts-delete-selected"));
    await user.click(screen.getByTestId("contacts-delete-selected-confirm"));
    await waitFor(() => expect(backend.callsTo("jobs_bulk_delete")).toHaveLength(1));
    await act(() =>
      emit("job-progress", {
        job_id: "job-1",
        kind: "bulk_delete",
        state: "running",
        done: 0,
        total: 1,
        failed: 0,
        rate_per_sec: 0,
        eta_secs: null,
      } satisfies JobProgress_Serialize),
    );
    expect(screen.getByRole("progressbar", { name: "Deleting contacts" })).toBeTruthy();
    await user.click(await screen.findByTestId("contacts-job-cancel"));
    await user.click(screen.getByTestId("contacts-job-cancel-confirm"));
    await waitFor(() => expect(backend.callsTo("jobs_cancel")).toEqual([{ id: "job-1" }]));
  });
});
