// The data the mocked page starts with: a believable account, plus HTML/script payloads in every
// free-text field a person or an API can fill (names, company, tags, custom variables), which the
// page tests prove stay inert text. Each area may add its own seed next to this one.
import { emit } from "@tauri-apps/api/event";
import type { MirrorSynced_Serialize } from "../bindings.gen.ts";
import { contact, lineSnapshot, type BackendState, type FakeBackend } from "../test/backend.ts";
import { auditEntry } from "../test/fake/audit.ts";
import { message } from "../test/fake/messages.ts";

/** Sets `window.__pwned` if it ever runs as markup. */
export const PAYLOAD_IMG = `<img src=x onerror="window.__pwned=1">`;
export const PAYLOAD_SCRIPT = `<script>window.__pwned=2</script>`;
export const PAYLOAD_BOLD = `<b data-injected="1">bold</b>`;

const FIRST = ["Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Radia", "Tim", "Frances", "Édouard", "Zoë"];
const LAST = ["Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson", "Perlman", "Berners-Lee", "Allen", "Lucas", "Ng"];
const COMPANIES = ["Engines Ltd", "Navy Labs", null, "Bletchley Park", null, "NASA", "Bell Labs", null];
const TAGS = [["vip"], ["lead"], [], ["customer", "vip"], ["newsletter"], []];

export function seedMockState(state: BackendState): void {
  const payload = contact("+14155550199", {
    first_name: PAYLOAD_IMG,
    last_name: PAYLOAD_SCRIPT,
    company_name: PAYLOAD_BOLD,
    tags: [PAYLOAD_IMG, "vip"],
    custom_variables: { [PAYLOAD_BOLD]: PAYLOAD_IMG, plan: PAYLOAD_SCRIPT },
  });
  const people = Array.from({ length: 48 }, (_, i) =>
    contact(`+1415555${String(1000 + i).padStart(4, "0")}`, {
      first_name: FIRST[i % FIRST.length]!,
      last_name: LAST[(i * 5) % LAST.length]!,
      company_name: COMPANIES[i % COMPANIES.length] ?? null,
      tags: TAGS[i % TAGS.length]!,
      custom_variables: i % 3 === 0 ? { plan: "pro", city: "Oakland" } : {},
      opt_out: i % 11 === 5,
      verified: i % 4 === 0 ? true : null,
      sendblue_number: i % 2 ? "+14155550100" : "+14155550101",
      created_at: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
    }),
  );
  state.contacts = [payload, ...state.contacts, ...people];
  state.mirror = { ...state.mirror, contacts: state.contacts.length };
  state.counts[state.activeId ?? ""] = state.contacts.length;
  state.lineState["p-sandbox"] = lineSnapshot([
    ["+14155550100", "ONLINE", "assigned"],
    ["+14155550101", "DEGRADED", "shared"],
    ["+14155550102", "OFFLINE", "assigned"],
  ]);
  state.areas.messages.messages.push(
    message("m-seed-1", { number: "+14155551000", is_outbound: true, status: "SENT", content: "Your order has shipped 📦", date_sent: "2025-03-03T15:30:00Z" }),
    message("m-seed-2", { number: "+14155551000", is_outbound: false, status: "RECEIVED", content: "Thanks!", date_sent: "2025-03-03T15:32:00Z" }),
    message("m-seed-payload", { number: "+14155550199", is_outbound: false, status: "RECEIVED", content: `${PAYLOAD_IMG} ${PAYLOAD_SCRIPT}`, date_sent: "2025-03-04T08:00:00Z" }),
  );
  const actions = ["contact.create", "contact.update", "message.send", "webhook.add", "contact.delete", "line.forwarding"];
  state.areas.audit.entries = Array.from({ length: 14 }, (_, i) =>
    auditEntry(14 - i, {
      at: new Date(Date.UTC(2025, 2, 14 - i, 10, i)).toISOString(),
      action: actions[i % actions.length]!,
      target: i === 3 ? PAYLOAD_IMG : `+1415555${String(1000 + i).padStart(4, "0")}`,
      ok: i % 5 !== 4,
      error_message: i % 5 === 4 ? "Sendblue didn't accept the number." : null,
    }),
  );
  state.profiles.push({ id: "p-payload", name: `Staff ${PAYLOAD_IMG}`, base_url: "https://api.sendblue.co", key_id: "key-staff", kind: "Sandbox" });
}

/** Behaviour the unit tests don't need: a contacts refresh that finishes after a moment. */
export function installMockBehaviour(backend: FakeBackend): void {
  const { state } = backend;
  backend.on("mirror_refresh", () => {
    state.mirror = { ...state.mirror, syncing: true };
    setTimeout(() => {
      state.mirror = { ...state.mirror, syncing: false, last_synced: new Date().toISOString() };
      const ended: MirrorSynced_Serialize = { contacts: state.contacts.length, last_synced: state.mirror.last_synced, report: null, error: null };
      void emit("mirror-synced", ended);
    }, 300);
    return { ...state.mirror };
  });
}
