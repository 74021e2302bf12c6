// The fake backend's activity commands (see ../backend.ts). Owned by the activity page's tests.
// Feed items arrive as `activity` events: tests emit them with `emit("activity", …)`.
import type { ConnectionState } from "../../bindings.gen.ts";
import type { FakeContext, Handler } from "./context.ts";

export interface ActivityState {
  /** What `activity_connection_state` answers. */
  connection: ConnectionState;
}

export function activityState(): ActivityState {
  return { connection: { state: "live" } };
}

export function activityHandlers(ctx: FakeContext<ActivityState>): Record<string, Handler> {
  return {
    activity_connection_state: () => {
      ctx.need();
      return ctx.state.connection;
    },
  };
}
