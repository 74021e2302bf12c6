// The fake backend's audit commands (see ../backend.ts). Owned by the audit page's tests.
import type { FakeContext, Handler } from "./context.ts";

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AuditState {}

export function auditState(): AuditState {
  return {};
}

export function auditHandlers(ctx: FakeContext<AuditState>): Record<string, Handler> {
  void ctx;
  return {};
}
