// The fake backend's sharing commands (see ../backend.ts). Owned by the sharing page's tests.
// Like the sandbox: only the V2 line (+14155550100) supports contact sharing; reading another
// line's state works, setting it is refused with a 403.
import type { AppError_Serialize, ErrorCode, SharingProfileRequest_Deserialize, SharingState_Serialize } from "../../bindings.gen.ts";
import type { FakeContext, Handler } from "./context.ts";

export interface SharingState {
  /** Each line's card, by line number (missing: no card). */
  profiles: Record<string, SharingState_Serialize>;
  /** Lines that may have a card. */
  supported: string[];
  /** Pairs "from to" already shared (a repeat is de-duplicated). */
  shared: string[];
}

// Like backend.ts's appError (not imported: backend.ts imports this file).
function appError(code: ErrorCode, message: string): AppError_Serialize {
  return { code, message, detail: { status: null, error_code: null, message: null, field: null, retry_after_ms: null, excerpt: null } };
}

function none(): SharingState_Serialize {
  return { hasProfile: false, firstName: null, lastName: null, displayName: null, sharingEnabled: false, hasPhoto: false };
}

export function sharingState(): SharingState {
  return {
    profiles: {
      "+14155550100": { hasProfile: true, firstName: "Acme", lastName: "Support", displayName: "Acme Support Desk", sharingEnabled: true, hasPhoto: true },
    },
    supported: ["+14155550100"],
    shared: [],
  };
}

const NOT_ENABLED = "This isn't available on your plan or for this line. Sendblue said: “Contact sharing is not enabled for this line”";

export function sharingHandlers(ctx: FakeContext<SharingState>): Record<string, Handler> {
  const state = ctx.state;
  const supported = (number: string) => {
    if (!state.supported.includes(number)) throw appError("Forbidden", NOT_ENABLED);
  };
  return {
    sharing_state: (args) => {
      ctx.need();
      return { ...(state.profiles[args.fromNumber as string] ?? none()) };
    },
    sharing_set_profile: (args) => {
      ctx.need();
      const request = args.request as SharingProfileRequest_Deserialize;
      supported(request.fromNumber);
      const before = state.profiles[request.fromNumber] ?? none();
      const profile: SharingState_Serialize = {
        hasProfile: true,
        firstName: request.firstName || null,
        lastName: request.lastName || null,
        displayName: request.displayName === undefined ? before.displayName : request.displayName || null,
        sharingEnabled: true,
        hasPhoto: request.clearPhoto ? false : Boolean(request.photoUrl) || before.hasPhoto === true,
      };
      state.profiles[request.fromNumber] = profile;
      return { ...profile };
    },
    sharing_share: (args) => {
      ctx.need();
      const from = args.fromNumber as string;
      supported(from);
      const key = `${from} ${args.toNumber as string}`;
      const deduplicated = state.shared.includes(key);
      if (!deduplicated) state.shared.push(key);
      return { status: "OK", requested: true, deduplicated };
    },
    sharing_delete_profile: (args) => {
      ctx.need();
      delete state.profiles[args.fromNumber as string];
      return { status: "OK", message: null };
    },
  };
}
