// A fake backend behind `mockIPC`: the generated bindings run for real and their invoke calls
// land here. Tests change the state or replace a command's handler, and read `calls`.
import { emit } from "@tauri-apps/api/event";
import { mockIPC } from "@tauri-apps/api/mocks";
import type {
  AppError_Serialize,
  ErrorCode,
  LineStateSnapshot_Serialize,
  NewProfile,
  Profile,
  ProfileChanged_Serialize,
  ProfileView_Serialize,
  SecretStorage,
} from "../bindings.gen.ts";

type Args = Record<string, unknown>;
type Handler = (args: Args) => unknown;

export interface BackendState {
  profiles: Profile[];
  activeId: string | null;
  secretStorage: SecretStorage;
  /** Contact count per profile id. */
  counts: Record<string, number>;
  lineState: Record<string, LineStateSnapshot_Serialize>;
}

export const SANDBOX: Profile = {
  id: "p-sandbox",
  name: "Sandbox",
  base_url: "embedded:sandbox",
  key_id: "sandbox-1234abcd",
  kind: "Sandbox",
};

export const ACME_LIVE: Profile = {
  id: "p-acme",
  name: "Acme Live",
  base_url: "https://api.sendblue.co",
  key_id: "key-acme",
  kind: "Live",
};

export function lineSnapshot(lines: Array<[number: string, status: string, assignment: string]>): LineStateSnapshot_Serialize {
  return {
    status: "OK",
    snapshot_at: "2025-01-01T00:00:00Z",
    data: lines.map(([number, status, assignment], i) => ({
      worker_id: `w${i}`,
      sendblue_number: number,
      assignment,
      status,
      status_changed_at: null,
      degraded_since: null,
      effective_until: null,
    })),
  } as LineStateSnapshot_Serialize;
}

export function appError(code: ErrorCode, message: string, field: string | null = null): AppError_Serialize {
  return {
    code,
    message,
    detail: { status: null, error_code: null, message: null, field, retry_after_ms: null, excerpt: null },
  } as AppError_Serialize;
}

export const UNAUTHORIZED = appError(
  "Unauthorized",
  "Sendblue didn't accept this profile's key id and secret. Check them in the profile settings.",
);

export interface FakeBackend {
  state: BackendState;
  calls: Array<{ cmd: string; args: Args }>;
  /** The arguments of every call to `cmd`. */
  callsTo: (cmd: string) => Args[];
  /** Replaces one command's behaviour; throw an AppError object to fail it. */
  on: (cmd: string, handler: Handler) => void;
}

function defaultState(): BackendState {
  return {
    profiles: [SANDBOX, ACME_LIVE],
    activeId: SANDBOX.id,
    secretStorage: "Keychain",
    counts: { [SANDBOX.id]: 412, [ACME_LIVE.id]: 7 },
    lineState: {
      [SANDBOX.id]: lineSnapshot([
        ["+14155550100", "ONLINE", "assigned"],
        ["+14155550101", "DEGRADED", "shared"],
      ]),
      [ACME_LIVE.id]: lineSnapshot([["+12125550199", "ONLINE", "assigned"]]),
    },
  };
}

/** Installs the fake backend (events mocked too) and returns it. */
export function installBackend(change?: (state: BackendState) => void): FakeBackend {
  const state = defaultState();
  change?.(state);
  const calls: FakeBackend["calls"] = [];
  const active = () => state.profiles.find((p) => p.id === state.activeId) ?? null;
  const need = () => {
    const profile = active();
    if (!profile) throw appError("Unauthorized", "No profile is selected. Add or choose one in Settings.");
    return profile;
  };

  const views = (): ProfileView_Serialize[] =>
    state.profiles.map((profile) => ({
      profile,
      active: profile.id === state.activeId,
      secret_storage: state.secretStorage,
      effective_url: profile.base_url === "embedded:sandbox" ? "http://127.0.0.1:41234" : profile.base_url,
    }));
  const view = (id: string) => views().find((v) => v.profile.id === id) ?? null;
  // Like the app: every profile change is announced (after the command has answered).
  const announce = () => {
    setTimeout(() => void emit("profile-changed", { profiles: views() } satisfies ProfileChanged_Serialize), 0);
  };

  const handlers: Record<string, Handler> = {
    profiles_list: () => views(),
    profiles_active: () => (state.activeId ? view(state.activeId) : null),
    profiles_secret_storage: () => state.secretStorage,
    profiles_add: (args) => {
      const input = args.input as NewProfile;
      const profile: Profile = {
        id: `p-${state.profiles.length + 1}`,
        name: input.name,
        base_url: input.base_url,
        key_id: input.key_id,
        kind: input.kind,
      };
      state.profiles.push(profile);
      announce();
      return view(profile.id);
    },
    profiles_test_new: () => 12,
    profiles_test: (args) => state.counts[args.id as string] ?? 0,
    profiles_switch: (args) => {
      state.activeId = args.id as string;
      announce();
      return view(need().id);
    },
    profiles_delete: (args) => {
      state.profiles = state.profiles.filter((p) => p.id !== args.id);
      if (state.activeId === args.id) state.activeId = state.profiles[0]?.id ?? null;
      announce();
      return null;
    },
    profiles_set_secret: () => {
      announce();
      return null;
    },
    contacts_count: () => state.counts[need().id] ?? 0,
    lines_state: () => state.lineState[need().id] ?? lineSnapshot([]),
    lines_list: () => (state.lineState[need().id]?.data ?? []).map((l) => l.sendblue_number),
  };

  mockIPC(
    (cmd, args) => {
      calls.push({ cmd, args: (args ?? {}) as Args });
      const handler = handlers[cmd];
      if (!handler) throw new Error(`The fake backend has no command "${cmd}"`);
      return handler((args ?? {}) as Args);
    },
    { shouldMockEvents: true },
  );

  return {
    state,
    calls,
    callsTo: (cmd) => calls.filter((c) => c.cmd === cmd).map((c) => c.args),
    on: (cmd, handler) => {
      handlers[cmd] = handler;
    },
  };
}
