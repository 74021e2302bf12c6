import { useEffect, useState } from "react";

/**
 * Whether a secret is shown: off at first, on only by an explicit toggle, and off again when the
 * window is hidden (the page unmounting forgets it too).
 */
export function useRevealed(): [boolean, () => void] {
  const [revealed, setRevealed] = useState(false);
  useEffect(() => {
    if (!revealed) return;
    const hide = () => {
      if (document.visibilityState === "hidden") setRevealed(false);
    };
    document.addEventListener("visibilitychange", hide);
    return () => document.removeEventListener("visibilitychange", hide);
  }, [revealed]);
  return [revealed, () => setRevealed((r) => !r)];
}
