import type { AppError_Serialize, ImportFile_Serialize } from "../../bindings.gen.ts";
import { Button } from "../../components/Button.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { sizeText } from "./mapping.ts";

export interface ChooseStepProps {
  file: ImportFile_Serialize | null;
  choosing: boolean;
  error: AppError_Serialize | null;
  /** The step's own check failed ("Choose a file first."). */
  stepError: string | null;
  onChoose: () => void;
}

/** Step 1: the native dialog, then how the file will be read and its first rows. */
export function ChooseStep({ file, choosing, error, stepError, onChoose }: ChooseStepProps) {
  return (
    <div className="import-choose">
      <p className="muted">
        Import contacts from a spreadsheet saved as CSV (comma, semicolon or tab separated) or from a vCard file (.vcf). Nothing is sent
        until you start the import after the preview.
      </p>
      <div className="import-choose__action">
        <Button variant={file ? "secondary" : "primary"} onClick={onChoose} busy={choosing} data-testid="import-choose-file">
          {file ? "Choose another file…" : "Choose a file…"}
        </Button>
      </div>
      {stepError && (
        <p className="field__error" role="alert" data-testid="import-choose-file-error">
          {stepError}
        </p>
      )}
      {error && <ErrorNotice error={error} onRetry={onChoose} testId="import-choose-error" />}
      {file && (
        <>
          <dl className="import-facts" data-testid="import-file-facts">
            <div>
              <dt>File</dt>
              <dd data-testid="import-file-name">{file.file_name}</dd>
            </div>
            <div>
              <dt>Size</dt>
              <dd data-testid="import-file-size">{sizeText(file.size_bytes)}</dd>
            </div>
            <div>
              <dt>Kind</dt>
              <dd data-testid="import-file-format">{file.format === "v_card" ? "vCard" : "CSV"}</dd>
            </div>
            <div>
              <dt>Text encoding</dt>
              <dd data-testid="import-file-encoding">{file.encoding}</dd>
            </div>
            {file.delimiter && (
              <div>
                <dt>Separated by</dt>
                <dd data-testid="import-file-delimiter">{file.delimiter}</dd>
              </div>
            )}
            {file.format === "csv" && (
              <div>
                <dt>First row</dt>
                <dd>{file.has_header ? "Column names" : "A contact (no column names)"}</dd>
              </div>
            )}
          </dl>
          <SampleTable headers={file.headers} rows={file.sample} />
        </>
      )}
    </div>
  );
}

/** The file's first rows, as plain text cells. */
export function SampleTable({ headers, rows }: { headers: string[]; rows: string[][] }) {
  if (rows.length === 0) return <p className="muted">The file has no rows after its column names.</p>;
  return (
    <div className="import-table-wrap" tabIndex={0} role="region" aria-label="First rows of the file">
      <table className="import-table" data-testid="import-sample">
        <caption className="visually-hidden">First {rows.length} rows of the file</caption>
        <thead>
          <tr>
            {headers.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {headers.map((_, c) => (
                <td key={c}>{row[c] ?? ""}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
