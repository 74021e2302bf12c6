//! Turning what the API sends — stream events, message rows, contacts, line states — into
//! activity items. Pure functions; the gate decides afterwards what is delivered.

use serde_json::Value;

use sendblue_client::models::contacts::Contact;
use sendblue_client::models::events::{
    AccountEvent, ContactEventData, EventData, EventType, LineEventData, MessageEventData,
    TypingEventData,
};
use sendblue_client::models::lines::LineState;
use sendblue_client::models::messages::MessageRecord;
use sendblue_client::MessageStatus;

use super::activity::{
    Activity, ContactActivity, LineActivity, LineChange, MessageActivity, OtherActivity,
    TypingActivity,
};

/// A stream event, sorted by what it is about.
#[derive(Debug)]
pub(crate) enum Incoming {
    /// A message event with its handle.
    Message(Activity),
    /// A new contact.
    Contact(Contact, String),
    /// Typing.
    Typing(TypingActivity),
    /// A line event.
    Line(LineActivity),
    /// Anything else (including message events without a handle).
    Other(OtherActivity),
}

/// Sorts an event and turns it into its activity.
pub(crate) fn incoming(event: AccountEvent) -> Incoming {
    use EventType as T;
    let id = event.id.clone();
    let at = event.occurred_at.clone();
    match (&event.event_type, &event.data) {
        (T::MessageCreated | T::MessageUpdated | T::MessageReceived, EventData::Message(d))
            if d.message_id.as_deref().is_some_and(|h| !h.is_empty()) =>
        {
            Incoming::Message(message_event(&event.event_type, d, at, id))
        }
        (T::ContactCreated, EventData::Contact(d)) => Incoming::Contact(contact_from_event(d), id),
        (T::TypingChanged, EventData::Typing(d)) => Incoming::Typing(typing(d, at, id)),
        (
            T::LineAssigned | T::LineUnassigned | T::LineStatusChanged | T::LineBlocked,
            EventData::Line(d),
        ) => Incoming::Line(line_event(&event.event_type, d, at, id)),
        _ => Incoming::Other(OtherActivity {
            event_type: event.event_type.as_str().to_owned(),
            occurred_at: at,
            data: event.raw.get("data").cloned().unwrap_or(Value::Null),
            event_id: id,
        }),
    }
}

fn message_event(
    kind: &EventType,
    d: &MessageEventData,
    occurred_at: Option<String>,
    id: String,
) -> Activity {
    let message = MessageActivity {
        message_handle: d.message_id.clone().unwrap_or_default(),
        status: d.status.clone(),
        number: d.number.clone(),
        sendblue_number: d.sendblue_number.clone(),
        is_outbound: d.is_outbound,
        content: None,
        error_code: d.error_code.as_ref().and_then(number),
        error_message: d.error_message.clone(),
        service: None,
        updated_at: d.updated_at.clone().or(occurred_at),
        event_id: Some(id),
        repaired: false,
    };
    match kind {
        EventType::MessageCreated => Activity::MessageCreated(message),
        EventType::MessageReceived => Activity::MessageReceived(message),
        _ => Activity::MessageUpdated(message),
    }
}

/// The event's `error_code` is a number in message objects but undocumented in events.
fn number(v: &Value) -> Option<i64> {
    v.as_i64()
        .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
}

/// A message row read back after a gap (or by polling), as the item the stream would have
/// sent: received when inbound, created while still in the creation states, updated after.
pub(crate) fn message_record(row: MessageRecord) -> Activity {
    let created = row.status.rank() <= MessageStatus::Queued.rank();
    let message = MessageActivity {
        status: Some(row.status),
        number: Some(row.number).filter(|n| !n.is_empty()),
        sendblue_number: row.sendblue_number,
        is_outbound: Some(row.is_outbound),
        content: Some(row.content),
        error_code: row.error_code,
        error_message: row.error_message,
        service: row.service,
        updated_at: Some(row.date_updated).filter(|d| !d.is_empty()),
        event_id: None,
        repaired: true,
        message_handle: row.message_handle,
    };
    match (message.is_outbound, created) {
        (Some(false), _) => Activity::MessageReceived(message),
        (_, true) => Activity::MessageCreated(message),
        _ => Activity::MessageUpdated(message),
    }
}

/// The contact a `contact.created` event describes (a subset of its fields).
fn contact_from_event(d: &ContactEventData) -> Contact {
    Contact {
        contact_id: d.contact_id.clone(),
        phone: d.phone.clone().unwrap_or_default(),
        first_name: non_empty(&d.first_name),
        last_name: non_empty(&d.last_name),
        created_at: d.created_at.clone(),
        ..Contact::default()
    }
}

/// The API sends `""` for a missing name.
fn non_empty(s: &Option<String>) -> Option<String> {
    s.clone().filter(|s| !s.trim().is_empty())
}

/// A contact as an activity item.
pub(crate) fn contact(c: &Contact, event_id: Option<String>) -> ContactActivity {
    ContactActivity {
        contact_id: c.contact_id.clone(),
        phone: c.phone.clone(),
        first_name: non_empty(&c.first_name),
        last_name: non_empty(&c.last_name),
        created_at: c.created_at.clone(),
        repaired: event_id.is_none(),
        event_id,
    }
}

fn typing(d: &TypingEventData, occurred_at: Option<String>, id: String) -> TypingActivity {
    TypingActivity {
        number: d.number.clone(),
        is_typing: d.is_typing.unwrap_or(false),
        sendblue_number: d.sendblue_number.clone(),
        occurred_at,
        event_id: Some(id),
    }
}

fn line_event(
    kind: &EventType,
    d: &LineEventData,
    occurred_at: Option<String>,
    id: String,
) -> LineActivity {
    let change = match kind {
        EventType::LineAssigned => LineChange::Assigned,
        EventType::LineUnassigned => LineChange::Unassigned,
        EventType::LineBlocked => LineChange::Blocked,
        _ => LineChange::StatusChanged,
    };
    LineActivity {
        change,
        sendblue_number: d.sendblue_number.clone(),
        worker_id: d.worker_id.clone(),
        status: d.status.clone(),
        assignment: d.assignment.clone(),
        occurred_at,
        event_id: Some(id),
        repaired: false,
    }
}

/// A line from the snapshot read after a gap.
pub(crate) fn line_state(
    change: LineChange,
    line: &LineState,
    snapshot_at: Option<String>,
) -> LineActivity {
    LineActivity {
        change,
        sendblue_number: line.sendblue_number.clone(),
        worker_id: Some(line.worker_id.clone()).filter(|w| !w.is_empty()),
        status: line.status.clone(),
        assignment: line.assignment.clone(),
        occurred_at: line.status_changed_at.clone().or(snapshot_at),
        event_id: None,
        repaired: true,
    }
}
