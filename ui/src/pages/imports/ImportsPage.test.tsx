import { act, screen, waitFor, within } from "@testing-library/react";
import { emit } from "@tauri-apps/api/event";
import { describe, expect, it } from "vitest";
import type { JobProgress_Serialize } from "../../bindings.gen.ts";
import { appError, installBackend } from "../../test/backend.ts";
import { importJobInfo, peopleCsv, XSS_NAME } from "../../test/fake/imports.ts";
import { renderApp } from "../../test/render.tsx";

const JOB = "import_contacts-1";

function progress(done: number, total: number, failed = 0): JobProgress_Serialize {
  return { job_id: JOB, kind: "import_contacts", state: "running", done, total, failed, rate_per_sec: 0, eta_secs: null };
}

/** Renders the wizard, chooses the people file and moves to the mapping step. */
async function toMapping() {
  const backend = installBackend();
  const view = renderApp("/import");
  await view.user.click(await screen.findByTestId("import-choose-file"));
  await screen.findByTestId("import-file-name");
  await view.user.click(screen.getByTestId("import-next"));
  await screen.findByTestId("import-mapping");
  return { backend, ...view };
}

async function toPreview() {
  const ctx = await toMapping();
  await ctx.user.click(screen.getByTestId("import-next"));
  await screen.findByTestId("import-dry-run-summary");
  return ctx;
}

async function toRun() {
  const ctx = await toPreview();
  await ctx.user.click(screen.getByTestId("import-start"));
  await screen.findByTestId("import-progress");
  return ctx;
}

describe("the Import wizard", () => {
  it("chooses a file through the native dialog and shows how it will be read", async () => {
    const backend = installBackend();
    const { user } = renderApp("/import");
    expect(await screen.findByTestId("imports-page")).toBeTruthy();

    await user.click(screen.getByTestId("import-choose-file"));
    expect(backend.callsTo("imports_choose_file")).toEqual([{}]);
    expect((await screen.findByTestId("import-file-name")).textContent).toBe("people.csv");
    expect(screen.getByTestId("import-file-size").textContent).toBe("2 KB");
    expect(screen.getByTestId("import-file-encoding").textContent).toBe("UTF-8");
    expect(screen.getByTestId("import-file-delimiter").textContent).toBe("comma");
    const sample = screen.getByTestId("import-sample");
    expect(within(sample).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["phone", "first_name", "last_name", "tags"]);
    expect(within(sample).getAllByRole("row")).toHaveLength(5);
  });

  it("reads a vCard file and says so", async () => {
    installBackend((s) => {
      s.areas.imports.nextFile = peopleCsv({ file_name: "cards.vcf", format: "v_card", delimiter: null, encoding: "UTF-16 LE" });
    });
    const { user } = renderApp("/import");
    await user.click(await screen.findByTestId("import-choose-file"));
    expect((await screen.findByTestId("import-file-format")).textContent).toBe("vCard");
    expect(screen.getByTestId("import-file-encoding").textContent).toBe("UTF-16 LE");
    expect(screen.queryByTestId("import-file-delimiter")).toBeNull();
  });

  it("won't go on without a file, and a cancelled dialog changes nothing", async () => {
    const backend = installBackend((s) => {
      s.areas.imports.nextFile = null;
    });
    const { user } = renderApp("/import");
    await user.click(await screen.findByTestId("import-next"));
    expect(screen.getByTestId("import-choose-file-error").textContent).toBe("Choose a file first.");
    await user.click(screen.getByTestId("import-choose-file"));
    await waitFor(() => expect(backend.callsTo("imports_choose_file")).toHaveLength(1));
    expect(screen.queryByTestId("import-file-name")).toBeNull();
    expect(screen.getByTestId("imports-page").getAttribute("data-step")).toBe("choose");
  });

  it("shows the dialog's error in plain words", async () => {
    const backend = installBackend();
    backend.on("imports_choose_file", () => {
      throw appError("Io", "Couldn't read the file: it is empty.");
    });
    const { user } = renderApp("/import");
    await user.click(await screen.findByTestId("import-choose-file"));
    expect((await screen.findByTestId("import-choose-error")).textContent).toMatch(/Couldn't read the file: it is empty\./);
  });

  it("suggests the mapping of phone, first_name, last_name, tags without changes", async () => {
    await toMapping();
    const values = [0, 1, 2, 3].map((i) => (screen.getByTestId(`import-map-${i}`) as HTMLSelectElement).value);
    expect(values).toEqual(["phone", "first_name", "last_name", "tags"]);
    expect((screen.getByTestId("import-country") as HTMLSelectElement).value).toBe("US");
  });

  it("starts from the default country chosen in Settings", async () => {
    const backend = installBackend((s) => {
      s.areas.settings.settings.default_country = "CA";
    });
    const { user } = renderApp("/import");
    await user.click(await screen.findByTestId("import-choose-file"));
    await user.click(await screen.findByTestId("import-next"));
    await waitFor(() => expect((screen.getByTestId("import-country") as HTMLSelectElement).value).toBe("CA"));
    await user.click(screen.getByTestId("import-next"));
    await waitFor(() => expect(backend.callsTo("imports_dry_run")).toHaveLength(1));
    expect((backend.callsTo("imports_dry_run")[0]!.choices as { default_country: string }).default_country).toBe("CA");
  });

  it("requires a phone column before checking the file", async () => {
    const { backend, user } = await toMapping();
    await user.selectOptions(screen.getByTestId("import-map-0"), "ignore");
    await user.click(screen.getByTestId("import-next"));
    expect(screen.getByTestId("import-mapping-error").textContent).toBe("Choose the column that holds the phone numbers.");
    expect(backend.callsTo("imports_dry_run")).toEqual([]);

    // Two phone columns are refused too.
    await user.selectOptions(screen.getByTestId("import-map-0"), "phone");
    await user.selectOptions(screen.getByTestId("import-map-3"), "phone");
    await user.click(screen.getByTestId("import-next"));
    expect(screen.getByTestId("import-mapping-error").textContent).toMatch(/Only one column can be the phone number/);
    expect(backend.callsTo("imports_dry_run")).toEqual([]);
  });

  it("makes a column a custom variable with a label of its own", async () => {
    const { backend, user } = await toMapping();
    await user.selectOptions(screen.getByTestId("import-map-2"), "custom");
    const label = screen.getByTestId("import-map-2-label") as HTMLInputElement;
    expect(label.value).toBe("last_name");
    await user.clear(label);
    await user.click(screen.getByTestId("import-next"));
    expect(screen.getByTestId("import-mapping-error").textContent).toBe("Every custom variable needs a label.");
    await user.type(label, "Surname");
    await user.click(screen.getByTestId("import-next"));
    await screen.findByTestId("import-dry-run-summary");
    const choices = backend.callsTo("imports_dry_run")[0]!.choices as { mapping: { columns: Array<{ role: unknown }> } };
    expect(choices.mapping.columns[2]!.role).toEqual({ kind: "custom", label: "Surname" });
  });

  it("checks the file with the mapping, country and duplicate policy, and shows what will happen", async () => {
    const { backend, user } = await toMapping();
    await user.selectOptions(screen.getByTestId("import-country"), "GB");
    await user.click(screen.getByTestId("import-next"));
    await screen.findByTestId("import-dry-run-summary");
    expect(backend.callsTo("imports_dry_run")).toEqual([
      {
        importId: "draft1",
        choices: {
          mapping: peopleCsv().mapping,
          default_country: "GB",
          duplicates: "skip",
        },
      },
    ]);
    const total = (key: string) => screen.getByTestId(`import-total-${key}`).textContent;
    expect([total("rows"), total("valid"), total("fixed"), total("invalid"), total("duplicates"), total("existing"), total("create"), total("update")]).toEqual([
      "4",
      "3",
      "1",
      "1",
      "1",
      "1",
      "1",
      "0",
    ]);
    const rows = within(screen.getByTestId("import-preview-rows")).getAllByTestId("import-preview-row");
    expect(rows.map((r) => r.getAttribute("data-outcome"))).toEqual(["new", "skipped-existing", "invalid", "skipped-duplicate-in-file"]);
    expect(rows[0]!.textContent).toMatch(/\+12122000101.*Will be added.*Added country code \+1; removed spaces and punctuation\./);
    expect(rows[2]!.textContent).toMatch(/Can't be imported.*Contains letters\./);
    expect(rows[3]!.textContent).toMatch(/Same number as row 2\./);

    await user.selectOptions(screen.getByTestId("import-duplicates"), "update");
    await waitFor(() => expect(backend.callsTo("imports_dry_run")).toHaveLength(2));
    expect((backend.callsTo("imports_dry_run")[1]!.choices as { duplicates: string }).duplicates).toBe("update");
    await waitFor(() => expect(screen.getByTestId("import-total-update").textContent).toBe("1"));
  });

  it("shows a failed dry run's message on the mapping step", async () => {
    const { backend, user } = await toMapping();
    backend.on("imports_dry_run", () => {
      throw appError("NotFound", "This import isn't open any more. Choose the file again.");
    });
    await user.click(screen.getByTestId("import-next"));
    expect((await screen.findByTestId("import-check-error")).textContent).toMatch(/Choose the file again/);
    expect(screen.getByTestId("imports-page").getAttribute("data-step")).toBe("map");
  });

  it("saves, applies and deletes mapping presets", async () => {
    const { backend, user } = await toMapping();
    expect(screen.getByTestId("import-presets-empty")).toBeTruthy();
    await user.click(screen.getByTestId("import-preset-save"));
    expect(screen.getByTestId("import-preset-name-error").textContent).toMatch(/Give the mapping a name/);
    expect(backend.callsTo("imports_save_preset")).toEqual([]);

    await user.selectOptions(screen.getByTestId("import-map-3"), "ignore");
    await user.type(screen.getByTestId("import-preset-name"), "CRM export");
    await user.click(screen.getByTestId("import-preset-save"));
    await waitFor(() => expect(backend.callsTo("imports_save_preset")).toHaveLength(1));
    expect(backend.callsTo("imports_save_preset")[0]).toEqual({
      name: "CRM export",
      mapping: {
        columns: [
          { header: "phone", role: { kind: "phone" } },
          { header: "first_name", role: { kind: "first_name" } },
          { header: "last_name", role: { kind: "last_name" } },
          { header: "tags", role: { kind: "ignore" } },
        ],
      },
    });
    expect(((await screen.findByTestId("import-preset")) as HTMLSelectElement).value).toBe("CRM export");

    // Change the mapping, then load the preset back.
    await user.selectOptions(screen.getByTestId("import-map-3"), "tags");
    await user.click(screen.getByTestId("import-preset-apply"));
    await waitFor(() => expect(backend.callsTo("imports_apply_preset")).toEqual([{ importId: "draft1", name: "CRM export" }]));
    await waitFor(() => expect((screen.getByTestId("import-map-3") as HTMLSelectElement).value).toBe("ignore"));

    await user.click(screen.getByTestId("import-preset-delete"));
    expect(screen.getByTestId("import-preset-delete-dialog").textContent).toMatch(/Delete this saved mapping\?/);
    expect(backend.callsTo("imports_delete_preset")).toEqual([]);
    await user.click(screen.getByTestId("import-preset-delete-confirm"));
    await waitFor(() => expect(backend.callsTo("imports_delete_preset")).toEqual([{ name: "CRM export" }]));
    expect(await screen.findByTestId("import-presets-empty")).toBeTruthy();
  });

  it("offers the profile's saved presets when a file is chosen", async () => {
    installBackend((s) => {
      s.areas.imports.presets = [{ name: "Monthly", columns: [{ header: "phone", role: { kind: "phone" } }] }];
    });
    const { user } = renderApp("/import");
    await user.click(await screen.findByTestId("import-choose-file"));
    await user.click(await screen.findByTestId("import-next"));
    expect(((await screen.findByTestId("import-preset")) as HTMLSelectElement).value).toBe("Monthly");
  });

  it("runs the import with progress from its events, cancels after confirming, and reports", async () => {
    const { backend, user } = await toRun();
    expect(backend.callsTo("imports_start")).toEqual([{ importId: "draft1" }]);

    act(() => void emit("job-progress", progress(0, 4)));
    act(() => void emit("job-progress", progress(1, 4, 1)));
    await waitFor(() => expect(screen.getByTestId("import-progress-count").textContent).toBe("1 of 4"));
    expect(screen.getByTestId("import-progress-failed").textContent).toBe("1 failed");
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("1");

    await user.click(screen.getByTestId("import-cancel"));
    expect(screen.getByTestId("import-cancel-dialog").textContent).toMatch(/Stop this import\?/);
    expect(backend.callsTo("jobs_cancel")).toEqual([]);
    await user.click(screen.getByTestId("import-cancel-confirm"));
    await waitFor(() => expect(backend.callsTo("jobs_cancel")).toEqual([{ id: JOB }]));

    act(
      () =>
        void emit(
          "job-finished",
          importJobInfo(JOB, {
            state: "cancelled",
            done: 4,
            total: 4,
            failed: 2,
            report: {
              job_id: JOB,
              kind: "import_contacts",
              state: "cancelled",
              total: 4,
              counts: { imported: 1, updated: 0, "skipped-existing": 0, "skipped-duplicate-in-file": 1, invalid: 0, failed: 2 },
              report_csv: "/data/jobs/x/report.csv",
              backup_csv: null,
              output: null,
              finished_at: "2025-01-01T00:00:00Z",
              error: null,
            },
          }),
        ),
    );
    const report = await screen.findByTestId("import-report");
    expect(screen.getByTestId("import-report-state").textContent).toMatch(/Import cancelled — people\.csv\. 4 rows in all\./);
    expect(screen.getByTestId("import-report-created").textContent).toBe("1");
    expect(screen.getByTestId("import-report-failed").textContent).toBe("2");
    expect(within(report).getByTestId("import-view-contacts").getAttribute("href")).toBe("#/contacts");

    await user.click(screen.getByTestId("import-save-report"));
    await waitFor(() => expect(backend.callsTo("jobs_save_report")).toEqual([{ id: JOB }]));
    expect((await screen.findByText("/home/me/people-report.csv")).textContent).toBe("/home/me/people-report.csv");
  });

  it("says why the import couldn't start", async () => {
    const { backend, user } = await toPreview();
    backend.on("imports_start", () => {
      throw appError("Conflict", "This import has already started sending. Start a new import for another dry run.");
    });
    await user.click(screen.getByTestId("import-start"));
    expect((await screen.findByTestId("import-start-error")).textContent).toMatch(/already started sending/);
    expect(screen.queryByTestId("import-progress")).toBeNull();
  });

  it("won't start when nothing would be imported", async () => {
    const { backend, user } = await toMapping();
    backend.on("imports_dry_run", () => {
      const nothing = {
        import_id: "draft1",
        summary: { rows: 1, new: 0, update: 0, skip: 0, invalid: 1, duplicates_in_file: 0, skipped_existing: 0, fixed: 0, batches: 0, problems: [], fixed_examples: [] },
        first_rows: [],
      };
      return nothing;
    });
    await user.click(screen.getByTestId("import-next"));
    await user.click(await screen.findByTestId("import-start"));
    expect(screen.getByTestId("import-start-blocked").textContent).toMatch(/There is nothing to import/);
    expect(backend.callsTo("imports_start")).toEqual([]);
  });

  it("keeps HTML and script in the file's cells as plain text", async () => {
    const { user } = await toMapping();
    const page = screen.getByTestId("imports-page");
    expect(page.textContent).toContain(XSS_NAME);
    expect(page.querySelector("img, script, b")).toBeNull();
    await user.click(screen.getByTestId("import-back"));
    const sample = await screen.findByTestId("import-sample");
    expect(sample.textContent).toContain(XSS_NAME);
    expect(sample.textContent).toContain("<b>navy</b>");
    expect(sample.querySelector("img, script, b")).toBeNull();
    await user.click(screen.getByTestId("import-next"));
    await user.click(await screen.findByTestId("import-next"));
    const rows = await screen.findByTestId("import-preview-rows");
    expect(rows.textContent).toContain(XSS_NAME);
    expect(rows.querySelector("img, script, b")).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("moves between steps with Alt+arrows, checking each step first", async () => {
    const backend = installBackend();
    const { user } = renderApp("/import");
    const page = await screen.findByTestId("imports-page");
    await user.click(screen.getByTestId("import-choose-file"));
    await screen.findByTestId("import-file-name");
    await user.keyboard("{Alt>}{ArrowRight}{/Alt}");
    await waitFor(() => expect(page.getAttribute("data-step")).toBe("map"));
    expect(document.activeElement?.textContent).toMatch(/Step 2 of 5: Map columns/);
    await user.keyboard("{Alt>}{ArrowRight}{/Alt}");
    await waitFor(() => expect(page.getAttribute("data-step")).toBe("preview"));
    expect(backend.callsTo("imports_dry_run")).toHaveLength(1);
    // Alt+→ never starts the import.
    await user.keyboard("{Alt>}{ArrowRight}{/Alt}");
    expect(backend.callsTo("imports_start")).toEqual([]);
    await user.keyboard("{Alt>}{ArrowLeft}{/Alt}");
    await waitFor(() => expect(page.getAttribute("data-step")).toBe("map"));
  });

  it("lists unfinished imports and resumes one", async () => {
    const backend = installBackend((s) => {
      s.areas.imports.jobs = [
        {
          job: importJobInfo("import_contacts-9", {
            state: "interrupted",
            done: 500,
            total: 1200,
            error: appError("Network", "Couldn't reach Sendblue — check your internet connection and try again."),
          }),
          file_name: "big.csv",
          rows: 1300,
          to_send: 1200,
        },
        { job: importJobInfo("import_contacts-8", { state: "completed" }), file_name: "old.csv", rows: 3, to_send: 3 },
      ];
    });
    const { user } = renderApp("/import");
    const rows = await screen.findAllByTestId("import-resumable-row");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toMatch(/big\.csv.*paused — 500 of 1,200 sent/);
    await user.click(within(rows[0]!).getByTestId("import-resume"));
    await waitFor(() => expect(backend.callsTo("jobs_resume")).toEqual([{ id: "import_contacts-9" }]));
    expect(await screen.findByTestId("import-progress")).toBeTruthy();
    expect(screen.getByTestId("import-progress-count").textContent).toBe("500 of 1,200");
  });

  it("offers to resume an import that paused while it ran", async () => {
    const { backend, user } = await toRun();
    act(
      () =>
        void emit(
          "job-finished",
          importJobInfo(JOB, { state: "interrupted", done: 0, total: 1, error: appError("Network", "Couldn't reach Sendblue.") }),
        ),
    );
    expect((await screen.findByTestId("import-interrupted")).textContent).toMatch(/Couldn't reach Sendblue\./);
    await user.click(screen.getByTestId("import-resume-current"));
    await waitFor(() => expect(backend.callsTo("jobs_resume")).toEqual([{ id: JOB }]));
  });
});
