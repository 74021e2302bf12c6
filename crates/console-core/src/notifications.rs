//! Desktop notifications for inbound messages: whether one is due, and what it says. Pure
//! functions; the desktop app only shows what [`inbound_notice`] returns.

use crate::follower::{Activity, MessageActivity};
use crate::settings::AppSettings;

/// The longest preview of a message's text, in characters (an ellipsis marks the cut).
pub const PREVIEW_CHARS: usize = 140;

/// What a notification says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// "New message from Ada Lovelace".
    pub title: String,
    /// A preview of the text.
    pub body: String,
}

/// The inbound message `activity` is about, when a notification is due for it: notifications
/// are on, the console's window isn't in front (a person looking at it sees the message
/// already), and someone texted one of the account's lines.
pub fn should_notify<'a>(
    activity: &'a Activity,
    settings: &AppSettings,
    window_focused: bool,
) -> Option<&'a MessageActivity> {
    if !settings.notifications || window_focused {
        return None;
    }
    match activity {
        Activity::MessageReceived(message) if message.is_outbound != Some(true) => Some(message),
        _ => None,
    }
}

/// The notification for `message`: who sent it (the contact's name when known, else the
/// number) and a trimmed preview of its text, both passed through `redact` so a secret can
/// never reach the notification server.
pub fn inbound_notice(
    message: &MessageActivity,
    contact_name: Option<&str>,
    redact: impl Fn(&str) -> String,
) -> Notice {
    let sender = contact_name
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .or_else(|| {
            message
                .number
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_owned)
        });
    let title = match sender {
        Some(who) => format!("New message from {}", one_line(&redact(&who), 80)),
        None => "New message".to_owned(),
    };
    let text = message
        .content
        .as_deref()
        .map(&redact)
        .map(|t| one_line(&t, PREVIEW_CHARS))
        .filter(|t| !t.is_empty());
    // Live stream events carry no text; the app looks it up first, and says so when it can't.
    let body = text.unwrap_or_else(|| "Open Sendblue Console to read it.".to_owned());
    Notice { title, body }
}

/// A contact's name as the console shows it ("Ada Lovelace"), when it has one.
pub fn contact_name(first: Option<&str>, last: Option<&str>) -> Option<String> {
    let name = [first, last]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (!name.is_empty()).then_some(name)
}

/// `text` on one line (whitespace runs become one space), at most `max` characters.
fn one_line(text: &str, max: usize) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() <= max {
        return collapsed;
    }
    let cut: String = collapsed.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}
