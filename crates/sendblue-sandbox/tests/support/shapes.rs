//! The wire key lists that several test files check answers against (with
//! [`assert_keys`](super::assert_keys)): written out here once, from the reference, not taken
//! from the sandbox's code.

/// The send answer's keys (`send-message`, `send-group-message`, `GET /api/status`): the
/// §3.1 example plus the legacy extras and `service`.
pub const RESPONSE_KEYS: [&str; 22] = [
    "account_email",
    "content",
    "date_created",
    "date_updated",
    "error_code",
    "error_message",
    "error_detail",
    "from_number",
    "is_outbound",
    "media_url",
    "message_handle",
    "message_type",
    "number",
    "to_number",
    "send_style",
    "status",
    "service",
    "was_downgraded",
    "plan",
    "group_id",
    "participants",
    "opted_out",
];

/// The history row / webhook payload keys (§3.2, §11.3).
pub const RECORD_KEYS: [&str; 25] = [
    "accountEmail",
    "content",
    "date_sent",
    "date_updated",
    "error_code",
    "error_detail",
    "error_message",
    "error_reason",
    "from_number",
    "to_number",
    "number",
    "sendblue_number",
    "group_id",
    "group_display_name",
    "participants",
    "is_outbound",
    "media_url",
    "message_handle",
    "message_type",
    "opted_out",
    "plan",
    "send_style",
    "service",
    "status",
    "was_downgraded",
];

/// A contact's keys (§9): `number` in, `phone` out.
pub const CONTACT_KEYS: &[&str] = &[
    "contact_id",
    "phone",
    "first_name",
    "last_name",
    "company_name",
    "assigned_to_email",
    "sendblue_number",
    "tags",
    "custom_variables",
    "opt_out",
    "verified",
    "created_at",
];
