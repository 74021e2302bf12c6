import { useEffect, useState } from "react";
import { Badge, type BadgeTone } from "../../components/Badge.tsx";
import { useActivityConnection } from "../../hooks/useActivityConnection.ts";
import { connectionWords } from "./describe.ts";

const TONES: Record<string, BadgeTone> = {
  live: "success",
  connecting: "info",
  reconnecting: "warning",
  polling: "info",
  stopped: "neutral",
};

/** The follower's connection in plain words; a reconnect counts down to its next try. */
export function ConnectionIndicator() {
  const connection = useActivityConnection();
  const state = connection.data;
  const [now, setNow] = useState(() => Date.now());
  const counting = state?.state === "reconnecting";
  useEffect(() => {
    if (!counting) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [counting]);

  const words = connection.isError
    ? "Can't tell whether live updates are on"
    : connectionWords(state, Math.max(now, connection.dataUpdatedAt), connection.dataUpdatedAt);
  const kind = state?.state ?? "connecting";
  return (
    <p className="activity-connection" role="status" data-testid="activity-connection" data-state={connection.isError ? "unknown" : kind}>
      <Badge tone={connection.isError ? "warning" : (TONES[kind] ?? "neutral")}>
        <span className="activity-connection__dot" aria-hidden="true" />
        {words}
      </Badge>
    </p>
  );
}
