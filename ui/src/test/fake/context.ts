// What an area's fake commands get: their own state, the active profile, and a way to emit
// backend events. Each area (compose, messages, …) lives in its own file under test/fake/.
import type { Profile } from "../../bindings.gen.ts";

export type Args = Record<string, unknown>;
export type Handler = (args: Args) => unknown;

export interface FakeContext<S> {
  /** This area's state (tests read and change it through `backend.state.areas.<area>`). */
  state: S;
  /** The active profile, or throws the AppError the app gives when none is chosen. */
  need: () => Profile;
  /** Emits a backend event after the current command has answered (like the app). */
  emitLater: (event: string, payload: unknown) => void;
}
