import type { ReactNode } from "react";

/** "first_name" / "firstName" → "First name". */
export function humanizeKey(key: string): string {
  const spaced = key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").trim().toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Any value as inert, readable text: objects as labelled lists, never raw JSON. */
export function PlainValue({ value }: { value: unknown }): ReactNode {
  if (value === null || value === undefined || value === "") return <span className="muted">None</span>;
  if (typeof value === "string") return value;
  if (typeof value === "number") return value.toLocaleString();
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">None</span>;
    if (value.every((v) => typeof v !== "object" || v === null)) return value.map((v) => (v === null ? "None" : String(v))).join(", ");
    return (
      <ol className="data-list__items">
        {value.map((v, i) => (
          <li key={i}>
            <PlainValue value={v} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === "object") return <DataList data={value as Record<string, unknown>} />;
  return String(value);
}

/** An object's fields as a labelled list ("First name: Ada"), nested objects indented. */
export function DataList({ data, testId }: { data: Record<string, unknown>; testId?: string }) {
  const entries = Object.entries(data);
  if (entries.length === 0) return <span className="muted">None</span>;
  return (
    <dl className="data-list" data-testid={testId}>
      {entries.map(([key, value]) => (
        <div key={key} className="data-list__row">
          <dt>{humanizeKey(key)}</dt>
          <dd>
            <PlainValue value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
