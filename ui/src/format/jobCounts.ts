// A finished job's report counts (`{ deleted: 3, not_found: 0 }`) in plain words.

const LABELS: Record<string, string> = {
  deleted: "deleted",
  not_found: "weren't contacts any more",
  failed: "couldn't be deleted",
  skipped: "skipped",
  exported: "saved to the file",
  not_saved: "not saved",
  imported: "imported",
  created: "added",
  updated: "updated",
};

/** "3 deleted, 1 couldn't be deleted" (counts of zero are left out; "Nothing to do." when all are). */
export function countsWords(counts: Record<string, number | undefined | null>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => typeof n === "number" && n > 0)
    .map(([key, n]) => `${(n as number).toLocaleString()} ${LABELS[key] ?? key.replace(/_/g, " ")}`);
  return parts.length > 0 ? `${parts.join(", ")}.` : "Nothing to do.";
}
