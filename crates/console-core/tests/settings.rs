//! App settings (default country, theme, notifications) and the inbound-message notification
//! decision.

use std::sync::{Arc, Mutex};

use console_core::follower::{Activity, ContactActivity, MessageActivity, TypingActivity};
use console_core::notifications::{contact_name, inbound_notice, should_notify, PREVIEW_CHARS};
use console_core::settings::JsonFileSettings;
use console_core::{
    AppError, AppResult, AppSettings, ErrorCode, Settings, SettingsChange, SettingsStore, Theme,
};
use serde_json::{json, Value};

/// A store that counts saves and can be made to fail.
#[derive(Default, Clone)]
struct Recording {
    saved: Arc<Mutex<Vec<AppSettings>>>,
    fail: Arc<Mutex<bool>>,
    initial: Option<Value>,
}

impl SettingsStore for Recording {
    fn load(&self) -> AppResult<Option<Value>> {
        Ok(self.initial.clone())
    }
    fn save(&self, settings: &AppSettings) -> AppResult<()> {
        if *self.fail.lock().unwrap() {
            return Err(AppError::io("save the settings", "disk full"));
        }
        self.saved.lock().unwrap().push(settings.clone());
        Ok(())
    }
}

#[test]
fn the_defaults_are_us_system_theme_and_notifications_on() {
    let settings = Settings::open(Box::new(Recording::default())).unwrap();
    assert_eq!(
        settings.get(),
        AppSettings {
            default_country: "US".into(),
            theme: Theme::System,
            notifications: true,
        }
    );
    assert_eq!(
        serde_json::to_value(settings.get()).unwrap(),
        json!({"default_country": "US", "theme": "system", "notifications": true})
    );
}

#[test]
fn a_change_is_checked_normalized_saved_and_kept() {
    let store = Recording::default();
    let settings = Settings::open(Box::new(store.clone())).unwrap();
    let now = settings
        .set(&SettingsChange {
            default_country: Some(" gb ".into()),
            theme: Some(Theme::Dark),
            notifications: None,
        })
        .unwrap();
    assert_eq!(now.default_country, "GB");
    assert_eq!(now.theme, Theme::Dark);
    assert!(now.notifications, "a field left out keeps its value");
    assert_eq!(settings.get(), now);
    assert_eq!(*store.saved.lock().unwrap(), vec![now.clone()]);

    // The same values again: nothing to save.
    settings
        .set(&SettingsChange {
            theme: Some(Theme::Dark),
            ..SettingsChange::default()
        })
        .unwrap();
    assert_eq!(store.saved.lock().unwrap().len(), 1);
}

#[test]
fn an_unknown_country_is_refused_in_plain_words_and_nothing_changes() {
    let store = Recording::default();
    let settings = Settings::open(Box::new(store.clone())).unwrap();
    for bad in ["XX", "USA", "1", "", "<script>"] {
        let err = settings
            .set(&SettingsChange {
                default_country: Some(bad.into()),
                notifications: Some(false),
                ..SettingsChange::default()
            })
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Validation, "{bad}");
        assert_eq!(
            err.detail.as_ref().unwrap().field.as_deref(),
            Some("default_country")
        );
        assert!(!err.message.contains("Id"), "{}", err.message);
    }
    assert_eq!(settings.get(), AppSettings::default());
    assert!(store.saved.lock().unwrap().is_empty());
}

#[test]
fn a_failed_save_keeps_the_old_settings() {
    let store = Recording::default();
    *store.fail.lock().unwrap() = true;
    let settings = Settings::open(Box::new(store.clone())).unwrap();
    let err = settings
        .set(&SettingsChange {
            notifications: Some(false),
            ..SettingsChange::default()
        })
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Io);
    assert!(settings.get().notifications);
}

#[test]
fn damaged_or_partial_stored_settings_fall_back_field_by_field() {
    let store = Recording {
        initial: Some(json!({"default_country": "ZZ", "theme": "purple", "notifications": false})),
        ..Recording::default()
    };
    let settings = Settings::open(Box::new(store)).unwrap();
    assert_eq!(
        settings.get(),
        AppSettings {
            default_country: "US".into(),
            theme: Theme::System,
            notifications: false,
        }
    );
    let partial = AppSettings::from_stored(&json!({"theme": "light", "default_country": "de"}));
    assert_eq!(partial.theme, Theme::Light);
    assert_eq!(partial.default_country, "DE");
    assert!(partial.notifications);
}

#[test]
fn settings_in_a_json_file_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.json");
    let first = Settings::open(Box::new(JsonFileSettings::new(&path))).unwrap();
    assert_eq!(first.get(), AppSettings::default());
    first
        .set(&SettingsChange {
            default_country: Some("fr".into()),
            theme: Some(Theme::Light),
            notifications: Some(false),
        })
        .unwrap();
    let again = Settings::open(Box::new(JsonFileSettings::new(&path))).unwrap();
    assert_eq!(
        again.get(),
        AppSettings {
            default_country: "FR".into(),
            theme: Theme::Light,
            notifications: false,
        }
    );
    // A file that isn't JSON at all: the defaults, not an error.
    std::fs::write(&path, b"{not json").unwrap();
    let damaged = Settings::open(Box::new(JsonFileSettings::new(&path))).unwrap();
    assert_eq!(damaged.get(), AppSettings::default());
}

fn inbound(number: Option<&str>, content: Option<&str>) -> MessageActivity {
    MessageActivity {
        message_handle: "msg-1".into(),
        status: None,
        number: number.map(Into::into),
        sendblue_number: Some("+14155550100".into()),
        is_outbound: Some(false),
        content: content.map(Into::into),
        error_code: None,
        error_message: None,
        service: None,
        updated_at: None,
        event_id: Some("ev-1".into()),
        repaired: false,
    }
}

fn on() -> AppSettings {
    AppSettings::default()
}

#[test]
fn only_inbound_messages_notify_and_only_when_on_and_not_focused() {
    let received = Activity::MessageReceived(inbound(Some("+14155550123"), Some("hi")));
    assert!(should_notify(&received, &on(), false).is_some());
    assert!(
        should_notify(&received, &on(), true).is_none(),
        "window in front"
    );
    let off = AppSettings {
        notifications: false,
        ..on()
    };
    assert!(
        should_notify(&received, &off, false).is_none(),
        "switched off"
    );

    let mut outbound = inbound(Some("+14155550123"), Some("hi"));
    outbound.is_outbound = Some(true);
    for other in [
        Activity::MessageCreated(outbound.clone()),
        Activity::MessageUpdated(outbound.clone()),
        Activity::MessageReceived(outbound),
        Activity::ContactCreated(ContactActivity {
            contact_id: Some("c1".into()),
            phone: "+14155550123".into(),
            first_name: None,
            last_name: None,
            created_at: None,
            event_id: None,
            repaired: false,
        }),
        Activity::Typing(TypingActivity {
            number: Some("+14155550123".into()),
            is_typing: true,
            sendblue_number: None,
            occurred_at: None,
            event_id: None,
        }),
    ] {
        assert!(should_notify(&other, &on(), false).is_none(), "{other:?}");
    }
}

#[test]
fn the_notice_names_the_contact_or_the_number_and_previews_the_text() {
    let keep = |t: &str| t.to_owned();
    let message = inbound(Some("+14155550123"), Some("  Hello\n\n  there   "));
    let named = inbound_notice(&message, Some("Ada Lovelace"), keep);
    assert_eq!(named.title, "New message from Ada Lovelace");
    assert_eq!(named.body, "Hello there");

    let unnamed = inbound_notice(&message, None, keep);
    assert_eq!(unnamed.title, "New message from +14155550123");
    let blank_name = inbound_notice(&message, Some("  "), keep);
    assert_eq!(blank_name.title, "New message from +14155550123");

    let nobody = inbound_notice(&inbound(None, None), None, keep);
    assert_eq!(nobody.title, "New message");
    assert_eq!(nobody.body, "Open Sendblue Console to read it.");

    let long = "word ".repeat(100);
    let cut = inbound_notice(&inbound(Some("+1"), Some(&long)), None, keep);
    assert_eq!(cut.body.chars().count(), PREVIEW_CHARS);
    assert!(cut.body.ends_with('…'));
}

#[test]
fn the_preview_goes_through_the_redactor() {
    let message = inbound(Some("+14155550123"), Some("my key is sk-live-123 ok"));
    let notice = inbound_notice(&message, None, |t| t.replace("sk-live-123", "<redacted>"));
    assert_eq!(notice.body, "my key is <redacted> ok");
    assert!(!notice.title.contains("sk-live"));
}

#[test]
fn a_contact_name_joins_first_and_last() {
    assert_eq!(
        contact_name(Some("Ada"), Some("Lovelace")).as_deref(),
        Some("Ada Lovelace")
    );
    assert_eq!(contact_name(Some(" Ada "), None).as_deref(), Some("Ada"));
    assert_eq!(contact_name(None, Some("")), None);
}
