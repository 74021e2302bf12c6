import type { ProfileKind } from "../bindings.gen.ts";
import { Badge } from "./Badge.tsx";

const TITLES: Record<ProfileKind, string> = {
  Live: "A real Sendblue account: messages reach real phones",
  Sandbox: "A test server: nothing is sent to real phones",
};

/** "Sandbox" or "Live" (Live is loud on purpose). Its text is exactly the kind. */
export function ProfileKindBadge({ kind, testId }: { kind: ProfileKind; testId?: string }) {
  return (
    <Badge tone={kind === "Live" ? "live" : "info"} title={TITLES[kind]} data-testid={testId} data-kind={kind}>
      {kind}
    </Badge>
  );
}
