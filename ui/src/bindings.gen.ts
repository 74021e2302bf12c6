// PROVISIONAL (ui helper's stand-in until `npm run codegen` writes the real file). Delete when replaced.
/* eslint-disable */
// @ts-nocheck

export const commands = {
async profilesList() : Promise<Result<ProfileView[], AppError>> { return wrap(() => TAURI_INVOKE("profiles_list")); },
async profilesActive() : Promise<Result<ProfileView | null, AppError>> { return wrap(() => TAURI_INVOKE("profiles_active")); },
async profilesAdd(input: NewProfile) : Promise<Result<ProfileView, AppError>> { return wrap(() => TAURI_INVOKE("profiles_add", { input })); },
async profilesTestNew(input: NewProfile) : Promise<Result<number, AppError>> { return wrap(() => TAURI_INVOKE("profiles_test_new", { input })); },
async profilesTest(id: string) : Promise<Result<number, AppError>> { return wrap(() => TAURI_INVOKE("profiles_test", { id })); },
async profilesSetSecret(id: string, secret: string) : Promise<Result<null, AppError>> { return wrap(() => TAURI_INVOKE("profiles_set_secret", { id, secret })); },
async profilesSwitch(id: string) : Promise<Result<ProfileView, AppError>> { return wrap(() => TAURI_INVOKE("profiles_switch", { id })); },
async profilesDelete(id: string) : Promise<Result<null, AppError>> { return wrap(() => TAURI_INVOKE("profiles_delete", { id })); },
async profilesSecretStorage() : Promise<Result<SecretStorage, AppError>> { return wrap(() => TAURI_INVOKE("profiles_secret_storage")); },
async contactsCount() : Promise<Result<number, AppError>> { return wrap(() => TAURI_INVOKE("contacts_count")); },
async linesList() : Promise<Result<string[], AppError>> { return wrap(() => TAURI_INVOKE("lines_list")); },
async linesState() : Promise<Result<LineStateSnapshot, AppError>> { return wrap(() => TAURI_INVOKE("lines_state")); },
}

async function wrap(f) {
    try {
    return { status: "ok", data: await f() };
} catch (e) {
    if(e instanceof Error) throw e;
    else return { status: "error", error: e  as any };
}
}

export const events = __makeEvents__<{
profileChanged: ProfileChanged
}>({
profileChanged: "profile-changed"
})

export type AppError = { code: ErrorCode; message: string; detail: ErrorDetail | null }
export type ErrorCode = "Unauthorized" | "Forbidden" | "NotFound" | "Validation" | "Conflict" | "PaymentRequired" | "RateLimited" | "Network" | "Upstream" | "Decode" | "Keychain" | "Io" | "Cancelled"
export type ErrorDetail = { status: number | null; error_code: string | null; message: string | null; field: string | null; retry_after_ms: number | null; excerpt: string | null }
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key in string]: JsonValue }
export type LineState = { worker_id: string; sendblue_number: string | null; assignment: string | null; status: string | null; status_changed_at: string | null; degraded_since: string | null; effective_until: string | null } & { [key in string]: JsonValue }
export type LineStateSnapshot = { status: string | null; snapshot_at: string | null; data: LineState[] } & { [key in string]: JsonValue }
export type NewProfile = { name: string; base_url: string; key_id: string; secret: string; kind: ProfileKind }
export type Profile = { id: string; name: string; base_url: string; key_id: string; kind: ProfileKind }
export type ProfileChanged = { profiles: ProfileView[] }
export type ProfileKind = "Sandbox" | "Live"
export type ProfileView = { profile: Profile; active: boolean; secret_storage: SecretStorage; effective_url: string | null }
export type SecretStorage = "Keychain" | "File"

import {
	invoke as TAURI_INVOKE,
} from "@tauri-apps/api/core";
import * as TAURI_API_EVENT from "@tauri-apps/api/event";

export type Result<T, E> =
	| { status: "ok"; data: T }
	| { status: "error"; error: E };

function __makeEvents__<T extends Record<string, any>>(mappings: Record<keyof T, string>): { [K in keyof T]: { listen: (cb: TAURI_API_EVENT.EventCallback<T[K]>) => Promise<TAURI_API_EVENT.UnlistenFn>; emit: (payload: T[K]) => Promise<void> } } {
	return new Proxy({} as any, { get: (_, event) => {
		const name = mappings[event];
		return { listen: (arg) => TAURI_API_EVENT.listen(name, arg), once: (arg) => TAURI_API_EVENT.once(name, arg), emit: (arg) => TAURI_API_EVENT.emit(name, arg) };
	}});
}
