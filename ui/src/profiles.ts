import type { Profile, ProfileView_Serialize } from "./bindings.gen.ts";

/** The base URL the backend records for the built-in sandbox (console-core EMBEDDED_BASE_URL). */
export const BUILT_IN_SANDBOX_URL = "embedded:sandbox";

/** The sandbox that runs inside the app: it can't be deleted and its secret is managed for you. */
export function isBuiltInSandbox(profile: Pick<Profile, "base_url">): boolean {
  return profile.base_url === BUILT_IN_SANDBOX_URL;
}

/** Where a profile's requests go, in words for the profile list. */
export function profileAddress(view: ProfileView_Serialize): string {
  if (isBuiltInSandbox(view.profile)) {
    return view.effective_url ? `Built-in sandbox on this computer (${view.effective_url})` : "Built-in sandbox on this computer";
  }
  return view.effective_url ?? view.profile.base_url;
}

/** "412 contacts", "1 contact". */
export function contactsPhrase(count: number): string {
  return `${count} ${count === 1 ? "contact" : "contacts"}`;
}
