// A fake backend behind `mockIPC`: the generated bindings run for real and their invoke calls
// land here. Tests change the state or replace a command's handler, and read `calls`.
import { emit } from "@tauri-apps/api/event";
import { mockIPC } from "@tauri-apps/api/mocks";
import type {
  AppError_Serialize,
  Contact_Serialize,
  ContactQuery_Serialize,
  JobInfo_Serialize,
  MirrorInfo_Serialize,
  ErrorCode,
  LineStateSnapshot_Serialize,
  NewProfile,
  Profile,
  ProfileChanged_Serialize,
  ProfileView_Serialize,
  SecretStorage,
} from "../bindings.gen.ts";

import { areaHandlers, areaStates, type AreaStates } from "./fake/index.ts";
import type { Args, Handler } from "./fake/context.ts";

export interface BackendState {
  profiles: Profile[];
  activeId: string | null;
  secretStorage: SecretStorage;
  /** Contact count per profile id. */
  counts: Record<string, number>;
  lineState: Record<string, LineStateSnapshot_Serialize>;
  /** The contacts mirror of the active profile. */
  contacts: Contact_Serialize[];
  mirror: MirrorInfo_Serialize;
  /** Each page area's own fake state (test/fake/<area>.ts). */
  areas: AreaStates;
}

/** A contact with every field filled in (override what the test cares about). */
export function contact(phone: string, fields: Partial<Contact_Serialize> = {}): Contact_Serialize {
  return {
    contact_id: `c-${phone}`,
    phone,
    first_name: null,
    last_name: null,
    company_name: null,
    assigned_to_email: null,
    sendblue_number: "+14155550100",
    tags: [],
    custom_variables: {},
    opt_out: false,
    verified: null,
    created_at: "2025-01-01T00:00:00Z",
    ...fields,
  } as Contact_Serialize;
}

export function jobInfo(id: string, fields: Partial<JobInfo_Serialize> = {}): JobInfo_Serialize {
  return {
    id,
    kind: "bulk_delete",
    state: "running",
    done: 0,
    total: 0,
    failed: 0,
    created_at: "2025-01-01T00:00:00Z",
    updated_at: "2025-01-01T00:00:00Z",
    error: null,
    report: null,
    ...fields,
  };
}

/** The mirror's answer to a query: simple text match over name, phone, company and tags. */
function search(all: Contact_Serialize[], q: ContactQuery_Serialize) {
  const words = (q.text ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const rows = all.filter((c) => {
    const hay = [c.first_name, c.last_name, c.phone, c.company_name, ...c.tags].join(" ").toLowerCase();
    if (!words.every((w) => hay.includes(w))) return false;
    if (q.tag && !c.tags.includes(q.tag)) return false;
    if (q.opted_out !== null && q.opted_out !== undefined && (c.opt_out === true) !== q.opted_out) return false;
    if (q.verified !== null && q.verified !== undefined && (c.verified === true) !== q.verified) return false;
    if (q.sendblue_number && c.sendblue_number !== q.sendblue_number) return false;
    return true;
  });
  const offset = q.offset ?? 0;
  return { rows: rows.slice(offset, offset + (q.limit ?? 50)), total: rows.length, offset };
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
    contacts: [
      contact("+14155550123", { first_name: "Ada", last_name: "Lovelace", company_name: "Engines", tags: ["vip"] }),
      contact("+14155550124", { first_name: "Grace", last_name: "Hopper", tags: ["navy"] }),
    ],
    mirror: { contacts: 2, last_synced: "2025-01-01T00:00:00Z", syncing: false, progress: null, last_error: null },
    areas: areaStates(),
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
    mirror_search: (args) => search(state.contacts, args.query as ContactQuery_Serialize),
    mirror_tags: () => {
      const counts = new Map<string, number>();
      for (const c of state.contacts) for (const t of c.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
      return [...counts].map(([tag, count]) => ({ tag, count }));
    },
    mirror_status: () => state.mirror,
    mirror_refresh: () => ({ ...state.mirror, syncing: true }),
    contacts_create: (args) => {
      const input = args.contact as { number: string } & Partial<Contact_Serialize>;
      const created = contact(input.number, { ...input, phone: input.number } as Partial<Contact_Serialize>);
      state.contacts.push(created);
      return created;
    },
    contacts_update: (args) => {
      const found = state.contacts.find((c) => c.phone === args.phoneNumber);
      if (!found) throw appError("NotFound", "This contact doesn't exist any more.");
      Object.assign(found, args.changes);
      return found;
    },
    contacts_delete: (args) => {
      state.contacts = state.contacts.filter((c) => c.phone !== args.phoneNumber);
      return { status: "OK", message: null };
    },
    contacts_opt_out: (args) => {
      const request = args.request as { number: string; opted_out?: boolean };
      const found = state.contacts.find((c) => c.phone === request.number);
      if (found) found.opt_out = request.opted_out ?? true;
      return { status: "OK", number: request.number, opted_out: request.opted_out ?? true };
    },
    contacts_verify: () => ({ status: "OK", message: null }),
    jobs_bulk_delete: (args) => jobInfo("job-1", { total: (args.phones as string[]).length }),
    jobs_export_contacts: () => jobInfo("job-2", { kind: "export_contacts" }),
    jobs_list: () => [],
    jobs_cancel: (args) => jobInfo(args.id as string, { state: "cancelled" }),
    lines_list: () => (state.lineState[need().id]?.data ?? []).map((l) => l.sendblue_number),
    ...areaHandlers(state.areas, {
      need,
      emitLater: (event, payload) => void setTimeout(() => void emit(event, payload), 0),
    }),
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
