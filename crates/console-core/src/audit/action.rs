//! The action names the console records. Plain strings (the page filters by them, and a
//! filter ending in `.` matches a whole family, e.g. `contact.`); new ones can be added
//! anywhere without changing the log.

/// A contact was created.
pub const CONTACT_CREATE: &str = "contact.create";
/// A contact was changed.
pub const CONTACT_UPDATE: &str = "contact.update";
/// A contact was deleted.
pub const CONTACT_DELETE: &str = "contact.delete";
/// A contact was opted out or back in.
pub const CONTACT_OPT_OUT: &str = "contact.opt_out";
/// A verification was sent to a contact.
pub const CONTACT_VERIFY: &str = "contact.verify";
/// Contacts were imported (a job).
pub const CONTACTS_IMPORT: &str = "contacts.import";
/// Contacts were created or updated in one request.
pub const CONTACTS_BULK_CREATE: &str = "contacts.bulk_create";
/// Contacts were deleted in bulk (a job, or one request).
pub const CONTACTS_BULK_DELETE: &str = "contacts.bulk_delete";
/// Contacts were exported.
pub const CONTACTS_EXPORT: &str = "contacts.export";
/// Messages were exported.
pub const MESSAGES_EXPORT: &str = "messages.export";
/// A message was sent.
pub const MESSAGE_SEND: &str = "message.send";
/// A tapback was sent to a message.
pub const REACTION_SEND: &str = "reaction.send";
/// A conversation was marked as read.
pub const MESSAGE_MARK_READ: &str = "message.mark_read";
/// A message record was deleted.
pub const MESSAGE_DELETE: &str = "message.delete";
/// A group was created or changed.
pub const GROUP_UPDATE: &str = "group.update";
/// A webhook was added.
pub const WEBHOOK_ADD: &str = "webhook.add";
/// Every webhook was replaced.
pub const WEBHOOK_REPLACE: &str = "webhook.replace";
/// A webhook was removed.
pub const WEBHOOK_REMOVE: &str = "webhook.remove";
/// A line's call forwarding was set or cleared.
pub const LINE_CALL_FORWARDING_SET: &str = "line.call_forwarding.set";
/// A new line was confirmed (and charged).
pub const LINE_PROVISION_CONFIRM: &str = "line.provision.confirm";
/// A new line was requested (the ticket flow).
pub const LINE_REQUEST: &str = "line.request";
/// A line's contact-sharing profile was set.
pub const SHARING_PROFILE_SET: &str = "sharing.profile.set";
/// A line's contact-sharing profile was removed.
pub const SHARING_PROFILE_REMOVE: &str = "sharing.profile.remove";
/// A contact card was shared into a chat.
pub const SHARING_SHARE: &str = "sharing.share";
/// A profile was added.
pub const PROFILE_ADD: &str = "profile.add";
/// The active profile changed.
pub const PROFILE_SWITCH: &str = "profile.switch";
/// A profile was deleted.
pub const PROFILE_DELETE: &str = "profile.delete";
/// A profile's secret was changed.
pub const PROFILE_SECRET_SET: &str = "profile.secret.set";
/// A job was asked to stop.
pub const JOB_CANCEL: &str = "job.cancel";
/// An interrupted job was continued.
pub const JOB_RESUME: &str = "job.resume";
/// A job stopped running: its state and counts (a failed or interrupted one with its error).
pub const JOB_FINISH: &str = "job.finish";
