// A hash router: the address is `#/settings`, `#/contacts/+14155550123`… The page is served
// from tauri://localhost, so the hash is the whole of its navigation state.
import { useSyncExternalStore } from "react";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

function currentPath(): string {
  const path = window.location.hash.replace(/^#/, "");
  return path.startsWith("/") ? path : "/";
}

/** The current path (`/` when there is no hash). Re-renders on navigation. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath, () => "/");
}

/** The path without its query: `/contacts?new=1` → `/contacts`. */
export function pathWithoutQuery(path: string): string {
  return path.split("?")[0] ?? "";
}

/** The path's query (`/contacts?new=1` → `new=1`), for one-shot deep links like "open the new-contact form". */
export function pathQuery(path: string): URLSearchParams {
  const query = new URLSearchParams();
  const at = path.indexOf("?");
  if (at < 0) return query;
  for (const pair of path.slice(at + 1).split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    // Decoded by hand: URLSearchParams reads "+" as a space, and "+1415…" must stay a number.
    query.append(decodeLenient(eq < 0 ? pair : pair.slice(0, eq)), decodeLenient(eq < 0 ? "" : pair.slice(eq + 1)));
  }
  return query;
}

function decodeLenient(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The path's segments, decoded: `/contacts/%2B1415` → `["contacts", "+1415"]`. */
export function pathSegments(path: string): string[] {
  return path
    .split("/")
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
}

/** The `href` for a path, for links. */
export function hrefFor(path: string): string {
  return `#${path}`;
}

export function navigate(path: string): void {
  window.location.hash = path;
}
