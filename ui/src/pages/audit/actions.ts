// The audit log's action names (console-core's audit::action) in plain words, and the filter's
// families of them.

const ACTIONS: Record<string, string> = {
  "contact.create": "Created a contact",
  "contact.update": "Changed a contact",
  "contact.delete": "Deleted a contact",
  "contact.opt_out": "Opted a contact out or back in",
  "contact.verify": "Sent a verification to a contact",
  "contacts.import": "Imported contacts",
  "contacts.bulk_create": "Added or updated contacts in bulk",
  "contacts.bulk_delete": "Deleted contacts in bulk",
  "contacts.export": "Exported contacts",
  "messages.export": "Exported messages",
  "message.send": "Sent a message",
  "reaction.send": "Sent a reaction",
  "message.mark_read": "Marked a conversation as read",
  "message.delete": "Deleted a message record",
  "group.update": "Created or changed a group",
  "webhook.add": "Added a webhook",
  "webhook.replace": "Replaced every webhook",
  "webhook.remove": "Removed a webhook",
  "line.call_forwarding.set": "Changed a line's call forwarding",
  "line.provision.confirm": "Confirmed a new line (charged)",
  "line.request": "Requested a new line",
  "sharing.profile.set": "Set a line's contact card",
  "sharing.profile.remove": "Removed a line's contact card",
  "sharing.share": "Shared a contact card into a chat",
  "profile.add": "Added a profile",
  "profile.switch": "Switched profile",
  "profile.delete": "Deleted a profile",
  "profile.secret.set": "Changed a profile's secret",
  "job.cancel": "Stopped a background task",
  "job.resume": "Continued a background task",
  "job.finish": "A background task ended",
  "settings.update": "Changed the settings",
};

/** "Deleted a contact" for `contact.delete`; unknown actions as they are. */
export function actionLabel(action: string): string {
  return ACTIONS[action] ?? action;
}

/** The filter's choices: a family ends with `.` and matches every action in it. */
export const ACTION_FILTERS: ReadonlyArray<{ value: string; label: string }> = [
  { value: "", label: "Every kind of change" },
  { value: "contact.", label: "Contacts, one at a time" },
  { value: "contacts.", label: "Contacts in bulk (import, export, delete)" },
  { value: "message.", label: "Messages" },
  { value: "messages.export", label: "Message exports" },
  { value: "reaction.", label: "Reactions" },
  { value: "group.", label: "Groups" },
  { value: "webhook.", label: "Webhooks" },
  { value: "line.", label: "Lines" },
  { value: "sharing.", label: "Contact sharing" },
  { value: "profile.", label: "Profiles" },
  { value: "job.", label: "Background tasks" },
  { value: "settings.", label: "Settings" },
];
