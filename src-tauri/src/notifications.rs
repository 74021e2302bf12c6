//! Desktop notifications for inbound messages, shown through tauri-plugin-notification (on
//! Linux: the freedesktop notification service on the session D-Bus). Whether one is due and
//! what it says are decided by console-core's `notifications`; this only gathers the
//! sender's name and the text, and shows it.

use std::time::Duration;

use console_core::follower::{Activity, MessageActivity};
use console_core::notifications::{contact_name, inbound_notice, should_notify};
use console_core::redact;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

use crate::settings_store::SettingsExt;
use crate::state::ConsoleExt;

/// How long to wait for the message's text before notifying without it.
const TEXT_LOOKUP: Duration = Duration::from_secs(3);

/// Called for every activity item: an inbound message may become a notification. Returns at
/// once; the lookups and the notification happen on a task of their own.
pub fn on_activity(app: &AppHandle, activity: &Activity) {
    let Activity::MessageReceived(_) = activity else {
        return;
    };
    let Ok(settings) = app.settings() else {
        return;
    };
    if !settings.get().notifications {
        return;
    }
    let app = app.clone();
    let activity = activity.clone();
    tauri::async_runtime::spawn(async move {
        let focused = main_window_focused(&app);
        let Some(message) = should_notify(&activity, &settings.get(), focused) else {
            log::debug!("inbound message while the window is in front: no notification");
            return;
        };
        notify(&app, message).await;
    });
}

/// Whether the console's window is the one in front (unknown counts as not).
fn main_window_focused<R: Runtime>(app: &AppHandle<R>) -> bool {
    app.get_webview_window("main")
        .and_then(|window| window.is_focused().ok())
        .unwrap_or(false)
}

async fn notify(app: &AppHandle, message: &MessageActivity) {
    let name = sender_name(app, message);
    let mut message = message.clone();
    if message.content.is_none() {
        // Live events carry no text: read the message itself, briefly.
        message.content = message_text(app, &message.message_handle).await;
    }
    let notice = inbound_notice(&message, name.as_deref(), |text| {
        redact::redact(text).into_owned()
    });
    let shown = app
        .notification()
        .builder()
        .title(notice.title)
        .body(notice.body)
        .show();
    match shown {
        Ok(()) => log::info!("notified of an inbound message"),
        Err(e) => log::warn!("couldn't show a desktop notification: {e}"),
    }
}

/// The contact's name from the mirror, when the number is a saved contact with a name.
fn sender_name(app: &AppHandle, message: &MessageActivity) -> Option<String> {
    let number = message.number.as_deref()?;
    let contact = app.live().ok()?.mirror().get(number).ok()??;
    contact_name(contact.first_name.as_deref(), contact.last_name.as_deref())
}

async fn message_text(app: &AppHandle, handle: &str) -> Option<String> {
    if handle.is_empty() {
        return None;
    }
    let client = app.client().ok()?;
    match tokio::time::timeout(TEXT_LOOKUP, client.messages().get(handle)).await {
        Ok(Ok(record)) => Some(record.content),
        Ok(Err(e)) => {
            log::debug!("couldn't read an inbound message for its notification: {e}");
            None
        }
        Err(_) => None,
    }
}
