import { useEffect, useRef } from "react";
import { pathQuery, pathWithoutQuery, usePath } from "../router.ts";

/**
 * Calls `onValue` when the address carries `?<name>=<value>` (a deep link such as the command
 * palette's "New contact" → `#/contacts?new=1`, or the activity feed's `#/contacts?number=+1…`),
 * then drops it from the address so closing what it opened and going back doesn't reopen it.
 */
export function useRouteParam(name: string, onValue: (value: string) => void): void {
  const path = usePath();
  const onValueRef = useRef(onValue);
  useEffect(() => {
    onValueRef.current = onValue;
  });
  const value = pathQuery(path).get(name);
  useEffect(() => {
    if (value === null) return;
    const query = pathQuery(path);
    query.delete(name);
    const rest = query.toString();
    window.history.replaceState(window.history.state, "", `#${pathWithoutQuery(path)}${rest ? `?${rest}` : ""}`);
    onValueRef.current(value);
  }, [value, path, name]);
}

/** Calls `onFlag` when the address carries `?<name>=1` (see `useRouteParam`). */
export function useRouteFlag(name: string, onFlag: () => void): void {
  useRouteParam(name, (value) => {
    if (value === "1") onFlag();
  });
}
