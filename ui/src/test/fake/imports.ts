// The fake backend's imports commands (see ../backend.ts). Owned by the imports page's tests.
import type {
  ColumnMapping,
  DuplicatePolicy,
  ImportChoices,
  ImportFile_Serialize,
  ImportJob_Serialize,
  ImportPreview_Serialize,
  JobInfo_Serialize,
  MappingPreset,
  PreviewRow_Serialize,
} from "../../bindings.gen.ts";
import type { FakeContext, Handler } from "./context.ts";

export const XSS_NAME = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

/** A chosen CSV as `imports_choose_file` describes it: `phone,first_name,last_name,tags`. */
export function peopleCsv(fields: Partial<ImportFile_Serialize> = {}): ImportFile_Serialize {
  return {
    import_id: "draft1",
    file_name: "people.csv",
    size_bytes: 2048,
    format: "csv",
    encoding: "UTF-8",
    delimiter: "comma",
    has_header: true,
    headers: ["phone", "first_name", "last_name", "tags"],
    sample: [
      ["(212) 200-0101", "Ada", "Lovelace", "vip"],
      ["+13122000102", XSS_NAME, "Hopper", "<b>navy</b>"],
      ["not a number", "Nobody", "", ""],
      ["212-200-0101", "Ada", "Again", ""],
    ],
    mapping: {
      columns: [
        { header: "phone", role: { kind: "phone" } },
        { header: "first_name", role: { kind: "first_name" } },
        { header: "last_name", role: { kind: "last_name" } },
        { header: "tags", role: { kind: "tags" } },
      ],
    },
    presets: [],
    ...fields,
  };
}

function row(row: number, phone: string, normalized: string | null, outcome: PreviewRow_Serialize["outcome"], reason: string, values: string[]): PreviewRow_Serialize {
  return { row, values, phone, normalized, outcome, reason };
}

/** The dry run's answer for the people file: 4 rows, 2 new, 1 invalid, 1 repeated. */
export function peoplePreview(duplicates: DuplicatePolicy, importId = "draft1"): ImportPreview_Serialize {
  const update = duplicates === "update" ? 1 : 0;
  const first_rows = [
    row(2, "(212) 200-0101", "+12122000101", "new", "added country code +1; removed spaces and punctuation", ["(212) 200-0101", "Ada", "Lovelace", "vip"]),
    row(3, "+13122000102", "+13122000102", duplicates === "update" ? "update" : "skipped-existing", duplicates === "update" ? "" : "already a contact", [
      "+13122000102",
      XSS_NAME,
      "Hopper",
      "<b>navy</b>",
    ]),
    row(4, "not a number", null, "invalid", "contains letters", ["not a number", "Nobody", "", ""]),
    row(5, "212-200-0101", "+12122000101", "skipped-duplicate-in-file", "same number as row 2", ["212-200-0101", "Ada", "Again", ""]),
  ];
  return {
    import_id: importId,
    summary: {
      rows: 4,
      new: 1,
      update,
      skip: 1 + (1 - update),
      invalid: 1,
      duplicates_in_file: 1,
      skipped_existing: 1 - update,
      fixed: 1,
      batches: 1,
      problems: [first_rows[2]!, first_rows[3]!],
      fixed_examples: [first_rows[0]!],
    },
    first_rows,
  };
}

export interface ImportsState {
  /** What the next `imports_choose_file` answers (`null`: the person cancelled the dialog). */
  nextFile: ImportFile_Serialize | null;
  /** The active profile's saved mappings. */
  presets: MappingPreset[];
  /** What `imports_jobs` lists. */
  jobs: ImportJob_Serialize[];
  /** The id and total `imports_start` gives the job. */
  startedJob: JobInfo_Serialize;
  /** Where `jobs_save_report` says it saved (`null`: the person cancelled the dialog). */
  savedReportPath: string | null;
}

export function importsState(): ImportsState {
  return {
    nextFile: peopleCsv(),
    presets: [],
    jobs: [],
    startedJob: importJobInfo("import_contacts-1", { state: "running", total: 1 }),
    savedReportPath: "/home/me/people-report.csv",
  };
}

export function importJobInfo(id: string, fields: Partial<JobInfo_Serialize> = {}): JobInfo_Serialize {
  return {
    id,
    kind: "import_contacts",
    state: "running",
    done: 0,
    total: 0,
    failed: 0,
    created_at: "2025-01-01T00:00:00Z",
    updated_at: "2025-01-01T00:00:00Z",
    error: null,
    report: null,
    ...fields,
  };
}

function hasPhone(mapping: ColumnMapping): boolean {
  return mapping.columns.some((c) => c.role.kind === "phone");
}

export function importsHandlers(ctx: FakeContext<ImportsState>): Record<string, Handler> {
  const state = ctx.state;
  return {
    imports_choose_file: () => {
      ctx.need();
      return state.nextFile ? { ...state.nextFile, presets: state.presets } : null;
    },
    imports_apply_preset: (args) => {
      const preset = state.presets.find((p) => p.name === args.name);
      if (!preset) throw { code: "NotFound", message: "This saved mapping doesn't exist any more.", detail: null };
      const headers = state.nextFile?.headers ?? [];
      return {
        columns: headers.map((header) => ({
          header,
          role: preset.columns.find((c) => c.header.toLowerCase() === header.toLowerCase())?.role ?? { kind: "ignore" },
        })),
      } satisfies ColumnMapping;
    },
    imports_dry_run: (args) => {
      const choices = args.choices as ImportChoices;
      if (!hasPhone(choices.mapping)) {
        throw { code: "Validation", message: "Choose the column that holds the phone numbers.", detail: null };
      }
      return peoplePreview(choices.duplicates, args.importId as string);
    },
    imports_start: () => state.startedJob,
    imports_jobs: () => state.jobs,
    imports_save_preset: (args) => {
      const name = (args.name as string).trim();
      state.presets = [...state.presets.filter((p) => p.name !== name), { name, columns: (args.mapping as ColumnMapping).columns }];
      return null;
    },
    imports_delete_preset: (args) => {
      const before = state.presets.length;
      state.presets = state.presets.filter((p) => p.name !== args.name);
      return state.presets.length < before;
    },
    jobs_resume: (args) => {
      const found = state.jobs.find((j) => j.job.id === args.id);
      return importJobInfo(args.id as string, { ...(found?.job ?? {}), state: "running", error: null });
    },
    jobs_save_report: () => state.savedReportPath,
  };
}
