import { useState } from "react";
import type { AppError_Serialize, ColumnMapping, ImportFile_Serialize, MappingPreset } from "../../bindings.gen.ts";
import { Button } from "../../components/Button.tsx";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Input } from "../../components/Input.tsx";
import { Select } from "../../components/Select.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useApplyImportPreset } from "../../hooks/useApplyImportPreset.ts";
import { useDeleteImportPreset } from "../../hooks/useDeleteImportPreset.ts";
import { useSaveImportPreset } from "../../hooks/useSaveImportPreset.ts";
import { toAppError } from "../../ipc.ts";
import { countryOptions, ROLE_OPTIONS, roleFor, type RoleKind } from "./mapping.ts";

export interface MapStepProps {
  file: ImportFile_Serialize;
  mapping: ColumnMapping;
  onMappingChange: (mapping: ColumnMapping) => void;
  country: string;
  onCountryChange: (country: string) => void;
  presets: MappingPreset[];
  onPresetsChange: (presets: MappingPreset[]) => void;
  /** Why the mapping can't be checked yet (shown under the columns). */
  error: string | null;
  /** The dry run failed. */
  checkError: AppError_Serialize | null;
}

/** Step 2: what each column holds, the default country, and saved mappings. */
export function MapStep({ file, mapping, onMappingChange, country, onCountryChange, presets, onPresetsChange, error, checkError }: MapStepProps) {
  const toast = useToast();
  const apply = useApplyImportPreset();
  const save = useSaveImportPreset();
  const remove = useDeleteImportPreset();
  const [chosenPreset, setChosenPreset] = useState("");
  const [presetName, setPresetName] = useState("");
  const [presetError, setPresetError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const selectedPreset = presets.some((p) => p.name === chosenPreset) ? chosenPreset : (presets[0]?.name ?? "");

  function setRole(index: number, kind: RoleKind) {
    const columns = mapping.columns.map((c, i) => (i === index ? { ...c, role: roleFor(kind, c.header, i) } : c));
    onMappingChange({ columns });
  }

  function setLabel(index: number, label: string) {
    const columns = mapping.columns.map((c, i) => (i === index ? { ...c, role: { kind: "custom" as const, label } } : c));
    onMappingChange({ columns });
  }

  async function onApply() {
    if (!selectedPreset) return;
    try {
      const applied = await apply.mutateAsync({ importId: file.import_id, name: selectedPreset });
      onMappingChange(applied);
      toast.show({ tone: "success", title: "Saved mapping applied", body: selectedPreset });
    } catch (e) {
      toast.show({ tone: "error", title: "Couldn't apply the saved mapping", body: toAppError(e).message });
    }
  }

  async function onSave() {
    const name = presetName.trim();
    if (name === "") {
      setPresetError("Give the mapping a name, for example “CRM export”.");
      return;
    }
    setPresetError(null);
    try {
      await save.mutateAsync({ name, mapping });
      onPresetsChange([...presets.filter((p) => p.name !== name), { name, columns: mapping.columns }].sort((a, b) => a.name.localeCompare(b.name)));
      setChosenPreset(name);
      setPresetName("");
      toast.show({ tone: "success", title: "Mapping saved", body: `Next time, choose “${name}” to map a file like this one.` });
    } catch (e) {
      const err = toAppError(e);
      if (err.detail?.field === "name") setPresetError(err.message);
      else toast.show({ tone: "error", title: "Couldn't save the mapping", body: err.message });
    }
  }

  async function onDelete() {
    const name = selectedPreset;
    try {
      await remove.mutateAsync(name);
      onPresetsChange(presets.filter((p) => p.name !== name));
      setConfirmDelete(false);
      toast.show({ tone: "success", title: "Saved mapping deleted", body: name });
    } catch (e) {
      setConfirmDelete(false);
      toast.show({ tone: "error", title: "Couldn't delete the saved mapping", body: toAppError(e).message });
    }
  }

  return (
    <div className="import-map">
      <p className="muted">Tell the console what each column holds. The phone number column is required; anything else is optional.</p>

      <div className="import-map__columns" data-testid="import-mapping" role="group" aria-label="Columns of the file" aria-describedby={error ? "import-mapping-error" : undefined}>
        {mapping.columns.map((column, i) => {
          const examples = file.sample
            .map((row) => row[i] ?? "")
            .filter((v) => v.trim() !== "")
            .slice(0, 3);
          return (
            <div className="import-map__column" key={i} data-testid="import-map-column">
              <div className="import-map__header">
                <span className="import-map__name">{column.header || `Column ${i + 1}`}</span>
                <span className="import-map__examples muted">{examples.length > 0 ? examples.join(" · ") : "(empty in the first rows)"}</span>
              </div>
              <Select
                label={`Column ${i + 1}: ${column.header || "no name"}`}
                value={column.role.kind}
                onChange={(e) => setRole(i, e.target.value as RoleKind)}
                options={ROLE_OPTIONS}
                testId={`import-map-${i}`}
              />
              {column.role.kind === "custom" && (
                <Input
                  label="Variable name"
                  value={column.role.label}
                  onChange={(e) => setLabel(i, e.target.value)}
                  testId={`import-map-${i}-label`}
                  maxLength={100}
                />
              )}
            </div>
          );
        })}
      </div>
      {error && (
        <p className="field__error" id="import-mapping-error" role="alert" data-testid="import-mapping-error">
          {error}
        </p>
      )}

      <div className="import-map__options">
        <Select
          label="Country of numbers without a country code"
          value={country}
          onChange={(e) => onCountryChange(e.target.value)}
          options={countryOptions(country)}
          testId="import-country"
          hint="A number like (415) 555-0123 gets this country's code."
        />
      </div>

      <fieldset className="import-presets" data-testid="import-presets">
        <legend>Saved mappings</legend>
        {presets.length > 0 ? (
          <div className="import-presets__row">
            <Select
              label="Saved mapping"
              value={selectedPreset}
              onChange={(e) => setChosenPreset(e.target.value)}
              options={presets.map((p) => ({ value: p.name, label: p.name }))}
              testId="import-preset"
            />
            <Button onClick={() => void onApply()} busy={apply.isPending} data-testid="import-preset-apply">
              Apply
            </Button>
            <Button variant="ghost" onClick={() => setConfirmDelete(true)} data-testid="import-preset-delete">
              Delete…
            </Button>
          </div>
        ) : (
          <p className="muted" data-testid="import-presets-empty">
            No saved mappings yet. Save this one to reuse it for files with the same columns.
          </p>
        )}
        <div className="import-presets__row">
          <Input
            label="Save this mapping as"
            value={presetName}
            onChange={(e) => setPresetName(e.target.value)}
            error={presetError}
            testId="import-preset-name"
            maxLength={100}
          />
          <Button onClick={() => void onSave()} busy={save.isPending} data-testid="import-preset-save">
            Save mapping
          </Button>
        </div>
      </fieldset>

      {checkError && <ErrorNotice error={checkError} testId="import-check-error" />}

      <ConfirmDialog
        open={confirmDelete}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => void onDelete()}
        title="Delete this saved mapping?"
        description={`“${selectedPreset}” will no longer be offered. Files and contacts aren't affected.`}
        testId="import-preset-delete-dialog"
        cancelLabel="Keep it"
        confirmLabel="Delete"
        busy={remove.isPending}
        confirmTestId="import-preset-delete-confirm"
      />
    </div>
  );
}
