import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type {
  AppError_Serialize,
  ColumnMapping,
  DuplicatePolicy,
  ImportFile_Serialize,
  ImportJob_Serialize,
  ImportPreview_Serialize,
  MappingPreset,
} from "../../bindings.gen.ts";
import { Button } from "../../components/Button.tsx";
import { useToast } from "../../components/Toast.tsx";
import { jobViewOf, type JobView } from "../../events.ts";
import { useChooseImportFile } from "../../hooks/useChooseImportFile.ts";
import { useImportDryRun } from "../../hooks/useImportDryRun.ts";
import { useJob } from "../../hooks/useJob.ts";
import { useResumeJob } from "../../hooks/useResumeJob.ts";
import { useStartImport } from "../../hooks/useStartImport.ts";
import { toAppError } from "../../ipc.ts";
import { queryKeys } from "../../queryKeys.ts";
import { ChooseStep } from "./ChooseStep.tsx";
import { MapStep } from "./MapStep.tsx";
import { mappingError } from "./mapping.ts";
import { PreviewStep } from "./PreviewStep.tsx";
import { ReportStep } from "./ReportStep.tsx";
import { ResumableImports } from "./ResumableImports.tsx";
import { RunStep } from "./RunStep.tsx";
import { useDefaultCountry } from "./useDefaultCountry.ts";

type Step = "choose" | "map" | "preview" | "run" | "report";

const STEPS: ReadonlyArray<{ id: Step; label: string }> = [
  { id: "choose", label: "Choose file" },
  { id: "map", label: "Map columns" },
  { id: "preview", label: "Preview" },
  { id: "run", label: "Import" },
  { id: "report", label: "Report" },
];

const FINISHED = new Set(["completed", "cancelled", "failed"]);

/** The Import wizard: choose a file → map its columns → dry-run preview → run → report. */
export function ImportsPage() {
  const defaultCountry = useDefaultCountry();
  const [step, setStep] = useState<Step>("choose");
  const [file, setFile] = useState<ImportFile_Serialize | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({ columns: [] });
  const [presets, setPresets] = useState<MappingPreset[]>([]);
  const [country, setCountry] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicatePolicy>("skip");
  const [preview, setPreview] = useState<ImportPreview_Serialize | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [fileName, setFileName] = useState("");
  const [stepError, setStepError] = useState<string | null>(null);
  const [chooseError, setChooseError] = useState<AppError_Serialize | null>(null);
  const [checkError, setCheckError] = useState<AppError_Serialize | null>(null);
  const [startError, setStartError] = useState<AppError_Serialize | null>(null);
  const [resumingId, setResumingId] = useState<string | null>(null);

  const queryClient = useQueryClient();
  const toast = useToast();
  const choose = useChooseImportFile();
  const dryRun = useImportDryRun();
  const start = useStartImport();
  const resume = useResumeJob();
  const job = useJob(jobId).data ?? null;
  const effectiveCountry = country ?? defaultCountry;

  // The run ends with its report: show it.
  if (step === "run" && job && FINISHED.has(job.state) && job.info?.report) setStep("report");

  // Each step's heading takes the focus, so keyboard and screen-reader users land on it.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  function go(next: Step) {
    setStepError(null);
    setStep(next);
  }

  async function onChoose() {
    setChooseError(null);
    setStepError(null);
    try {
      const chosen = await choose.mutateAsync();
      if (!chosen) return;
      setFile(chosen);
      setMapping(chosen.mapping);
      setPresets(chosen.presets);
      setPreview(null);
      setCheckError(null);
    } catch (e) {
      setChooseError(toAppError(e));
    }
  }

  async function check(policy: DuplicatePolicy): Promise<boolean> {
    if (!file) return false;
    setCheckError(null);
    try {
      const result = await dryRun.mutateAsync({
        importId: file.import_id,
        choices: { mapping, default_country: effectiveCountry, duplicates: policy },
      });
      setPreview(result);
      return true;
    } catch (e) {
      setCheckError(toAppError(e));
      return false;
    }
  }

  async function onStart() {
    if (!file || !preview) return;
    if (preview.summary.new + preview.summary.update === 0) {
      setStepError("There is nothing to import: every row is skipped or can't be imported. Go back to change the mapping or the country.");
      return;
    }
    setStartError(null);
    try {
      const info = await start.mutateAsync(file.import_id);
      setJobId(info.id);
      setFileName(file.file_name);
      go("run");
    } catch (e) {
      setStartError(toAppError(e));
    }
  }

  async function onNext() {
    if (step === "choose") {
      if (!file) {
        setStepError("Choose a file first.");
        return;
      }
      go("map");
    } else if (step === "map") {
      const problem = mappingError(mapping);
      if (problem) {
        setStepError(problem);
        return;
      }
      setStepError(null);
      if (await check(duplicates)) go("preview");
    }
  }

  function onBack() {
    if (step === "map") go("choose");
    else if (step === "preview") go("map");
  }

  async function onDuplicatesChange(policy: DuplicatePolicy) {
    setDuplicates(policy);
    setStepError(null);
    await check(policy);
  }

  async function resumeJob(id: string, name: string) {
    setResumingId(id);
    try {
      await resume.mutateAsync(id);
      setJobId(id);
      setFileName(name);
      go("run");
    } catch (e) {
      toast.show({ tone: "error", title: "Couldn't resume the import", body: toAppError(e).message });
    } finally {
      setResumingId(null);
    }
  }

  function showJob(j: ImportJob_Serialize) {
    if (!queryClient.getQueryData<JobView>(queryKeys.job(j.job.id))) {
      queryClient.setQueryData(queryKeys.job(j.job.id), jobViewOf(j.job));
    }
    setJobId(j.job.id);
    setFileName(j.file_name);
    go("run");
  }

  function onAgain() {
    // The finished job left the list of unfinished ones.
    void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === "account" && q.queryKey[2] === "importJobs" });
    setFile(null);
    setMapping({ columns: [] });
    setPreview(null);
    setJobId(null);
    setFileName("");
    setCheckError(null);
    setStartError(null);
    go("choose");
  }

  // Alt+→ / Alt+← move between the steps that can be left freely (never starts the import).
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "ArrowRight" && (step === "choose" || step === "map")) {
      event.preventDefault();
      void onNext();
    } else if (event.key === "ArrowLeft" && (step === "map" || step === "preview")) {
      event.preventDefault();
      onBack();
    }
  }

  const current = STEPS.findIndex((s) => s.id === step);
  const checking = dryRun.isPending;

  return (
    <div className="page imports" data-testid="imports-page" data-step={step} onKeyDown={onKeyDown}>
      <header className="page__header">
        <h1>Import contacts</h1>
      </header>

      <nav aria-label="Import steps">
        <ol className="import-steps" data-testid="import-steps">
          {STEPS.map((s, i) => (
            <li
              key={s.id}
              className={i === current ? "import-steps__item import-steps__item--current" : i < current ? "import-steps__item import-steps__item--done" : "import-steps__item"}
              aria-current={i === current ? "step" : undefined}
            >
              <span className="import-steps__number" aria-hidden="true">
                {i < current ? "✓" : i + 1}
              </span>
              <span>
                {s.label}
                {i < current && <span className="visually-hidden"> (done)</span>}
              </span>
            </li>
          ))}
        </ol>
      </nav>

      {step === "choose" && (
        <ResumableImports onResume={(j) => void resumeJob(j.job.id, j.file_name)} onShow={showJob} resumingId={resumingId} />
      )}

      <section className="card import-step" aria-labelledby="import-step-title">
        <h2 id="import-step-title" className="card__title import-step__title" tabIndex={-1} ref={headingRef}>
          Step {current + 1} of {STEPS.length}: {STEPS[current]!.label}
        </h2>

        {step === "choose" && (
          <ChooseStep file={file} choosing={choose.isPending} error={chooseError} stepError={stepError} onChoose={() => void onChoose()} />
        )}
        {step === "map" && file && (
          <MapStep
            file={file}
            mapping={mapping}
            onMappingChange={(m) => {
              setMapping(m);
              setStepError(null);
            }}
            country={effectiveCountry}
            onCountryChange={setCountry}
            presets={presets}
            onPresetsChange={setPresets}
            error={stepError}
            checkError={checkError}
          />
        )}
        {step === "preview" && preview && (
          <PreviewStep
            preview={preview}
            duplicates={duplicates}
            onDuplicatesChange={(p) => void onDuplicatesChange(p)}
            checking={checking}
            checkError={checkError}
            startError={startError}
            stepError={stepError}
          />
        )}
        {step === "run" && jobId && (
          <RunStep jobId={jobId} fileName={fileName} onResume={() => void resumeJob(jobId, fileName)} resuming={resumingId === jobId} />
        )}
        {step === "report" && job && <ReportStep job={job} fileName={fileName} onAgain={onAgain} />}

        {(step === "choose" || step === "map" || step === "preview") && (
          <div className="import-nav">
            {step !== "choose" && (
              <Button onClick={onBack} disabled={checking || start.isPending} data-testid="import-back">
                Back
              </Button>
            )}
            {step === "preview" ? (
              <Button variant="primary" onClick={() => void onStart()} busy={start.isPending} disabled={checking} data-testid="import-start">
                Start import
              </Button>
            ) : (
              <Button variant="primary" onClick={() => void onNext()} busy={checking} data-testid="import-next">
                {step === "map" ? (checking ? "Checking the file…" : "Check the file") : "Next"}
              </Button>
            )}
            <span className="import-nav__hint muted">Alt+← and Alt+→ move between steps.</span>
          </div>
        )}
      </section>
    </div>
  );
}
