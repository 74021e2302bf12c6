import { useEffect, useRef } from "react";
import { pathQuery, pathWithoutQuery, usePath } from "../router.ts";

/**
 * Calls `onFlag` when the address carries `?<name>=1` (a deep link such as the command palette's
 * "New contact" → `#/contacts?new=1`), then drops the flag from the address so closing what it
 * opened and going back does not open it again.
 */
export function useRouteFlag(name: string, onFlag: () => void): void {
  const path = usePath();
  const onFlagRef = useRef(onFlag);
  useEffect(() => {
    onFlagRef.current = onFlag;
  });
  const flagged = pathQuery(path).get(name) === "1";
  useEffect(() => {
    if (!flagged) return;
    const query = pathQuery(path);
    query.delete(name);
    const rest = query.toString();
    window.history.replaceState(window.history.state, "", `#${pathWithoutQuery(path)}${rest ? `?${rest}` : ""}`);
    onFlagRef.current();
  }, [flagged, path, name]);
}
