//! End-to-end journeys through the console's pages (issue 7): the built app in a real window
//! against its embedded sandbox, each from a clean data folder. Run them with `scripts/e2e`
//! (Xvfb, D-Bus session, unlocked gnome-keyring, dunst, xdotool); plain `cargo test` skips
//! them. Test ids: docs/ui-contract.md.

use std::time::Duration;

use e2e::{css, desktop, tid, App, HttpReceiver, Key, NotificationDaemon, OtherWindow};

/// The three lines every new sandbox has; the first is the V2 line that can do everything.
const V2_LINE: &str = "+14155550100";

/// How long the GTK file chooser may take to come up and close.
const CHOOSER_TIMEOUT: Duration = Duration::from_secs(20);

/// Create, edit and delete a contact through the Contacts page's side panel, checking the
/// table after each step.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "end-to-end: needs a display, tauri-driver and the built app (run scripts/e2e)"]
async fn creates_edits_and_deletes_a_contact() {
    const PHONE: &str = "+16505559876";
    const LAST_NAME: &str = "Quillfeather";

    let app = App::launch().await;
    app.wait_for("overview").await;
    app.click("nav-contacts").await;
    app.wait_for("contacts").await;
    app.wait_for("contacts-table").await;

    // Create: the number is formatted as typed and saved as E.164.
    app.click("contact-new").await;
    app.wait_for("contact-form").await;
    app.type_keys("contact-phone", "(650) 555-9876").await;
    app.wait_for_text_containing("contact-form", &format!("Saved as {PHONE}"))
        .await;
    app.type_into("contact-first-name", "Ada").await;
    app.type_into("contact-last-name", LAST_NAME).await;
    app.click("contact-save").await;
    app.wait_gone("contact-form").await;

    // The table shows it (searched by its unusual last name). The search applies after a
    // pause in typing: wait for the filtered table (one row) before acting on the row, or the
    // click can land on the unfiltered table as it is replaced.
    app.type_into("contacts-search", LAST_NAME).await;
    app.wait_for_count("contact-row", 1).await;
    let row = tid("contact-row").with_attr("data-phone", PHONE);
    app.wait_for_text_containing(&row, &format!("Ada {LAST_NAME}"))
        .await;

    // Edit: a new first name shows in the table.
    app.click(row.clone().inner("contact-edit")).await;
    app.wait_for("contact-form").await;
    app.type_into("contact-first-name", "Grace").await;
    app.click("contact-save").await;
    app.wait_gone("contact-form").await;
    app.wait_for_text_containing(&row, &format!("Grace {LAST_NAME}"))
        .await;
    app.screenshot("creates_edits_and_deletes_a_contact").await;

    // Delete, confirmed: the row goes.
    app.click(row.clone().inner("contact-edit")).await;
    app.wait_for("contact-form").await;
    app.click("contact-delete").await;
    app.click("contact-delete-confirm").await;
    app.wait_gone(&row).await;

    // …and stays gone after a fresh look at the mirror.
    app.type_into("contacts-search", "").await;
    app.type_into("contacts-search", LAST_NAME).await;
    app.wait_gone(&row).await;
}

/// Import a CSV through the wizard: choose the file in the real GTK file chooser (driven with
/// xdotool), keep the suggested mapping, check the file (dry run), run the import and read the
/// report; the new contact is then in the Contacts table.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "end-to-end: needs a display, tauri-driver, xdotool and the built app (run scripts/e2e)"]
async fn imports_a_csv_through_the_wizard() {
    const PHONE: &str = "+16505554682";
    const LAST_NAME: &str = "Wrenfield";

    let app = App::launch().await;
    let csv = app.root().join("people-to-import.csv");
    std::fs::write(
        &csv,
        format!("Phone,First name,Last name\n(650) 555-4682,Imogen,{LAST_NAME}\n"),
    )
    .expect("write the CSV");

    app.wait_for("overview").await;
    app.click("nav-import").await;
    app.wait_for(tid("imports-page").with_attr("data-step", "choose"))
        .await;

    // Choose: the native dialog, answered the way a person would.
    app.click("import-choose-file").await;
    let path = csv.clone();
    tokio::task::spawn_blocking(move || {
        desktop::choose_file("Choose a file to import", &path, CHOOSER_TIMEOUT)
    })
    .await
    .expect("the chooser task")
    .unwrap_or_else(|e| panic!("{e}"));
    app.wait_for_text_eq("import-file-name", "people-to-import.csv")
        .await;
    app.wait_for_text_eq("import-file-format", "CSV").await;

    // Map (the suggested mapping as is), then check the file: one new contact.
    app.click("import-next").await;
    app.wait_for(tid("imports-page").with_attr("data-step", "map"))
        .await;
    app.click("import-next").await;
    app.wait_for(tid("imports-page").with_attr("data-step", "preview"))
        .await;
    app.wait_for("import-dry-run-summary").await;

    // Run, then the report.
    app.click("import-start").await;
    app.wait_for(tid("import-report").with_attr("data-state", "completed"))
        .await;
    app.wait_for_text_eq("import-report-created", "1").await;
    app.wait_for_text_eq("import-report-invalid", "0").await;
    app.screenshot("imports_a_csv_through_the_wizard").await;

    // The contact is in the table.
    app.click("import-view-contacts").await;
    app.wait_for("contacts").await;
    app.type_into("contacts-search", LAST_NAME).await;
    app.wait_for_text_containing(
        tid("contact-row").with_attr("data-phone", PHONE),
        &format!("Imogen {LAST_NAME}"),
    )
    .await;
}

/// Send a message from Compose and watch its status go live until Delivered.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "end-to-end: needs a display, tauri-driver and the built app (run scripts/e2e)"]
async fn sends_a_message_and_sees_it_delivered() {
    // Ends in an even digit: the sandbox delivers it over iMessage.
    const TO: &str = "+16505550142";

    let app = App::launch().await;
    app.wait_for("overview").await;
    app.click("nav-compose").await;
    app.wait_for("compose-page").await;

    app.type_keys("compose-recipient", TO).await;
    app.press(&Key::Enter).await;
    app.wait_for(tid("compose-recipient-chip").with_attr("data-phone", TO))
        .await;
    app.type_into("compose-text", "Hello from the end-to-end journey")
        .await;
    app.click("compose-send").await;

    // QUEUED → SENT → DELIVERED on the sandbox's clock, shown without a click.
    app.wait_for("compose-status").await;
    app.wait_for(tid("compose-status").with_attr("data-status", "DELIVERED"))
        .await;
    let label = app.text("compose-status-label").await;
    assert!(
        label.to_lowercase().contains("deliver"),
        "the status label says {label:?}"
    );
    app.screenshot("sends_a_message_and_sees_it_delivered")
        .await;
}

/// Open a conversation, make the sandbox deliver a reply from that person, and see the new
/// bubble appear with no click.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "end-to-end: needs a display, tauri-driver and the built app (run scripts/e2e)"]
async fn a_reply_appears_in_the_open_conversation() {
    const FROM: &str = "+16505550188";
    const TEXT: &str = "Reply from the journey, 7 apples";

    let app = App::launch().await;
    app.wait_for("overview").await;
    let sandbox = app.embedded_sandbox().await;
    app.goto(&format!("/messages?number={FROM}")).await;
    app.wait_for(tid("conversation").with_attr("data-number", FROM))
        .await;
    let inbound = tid("conversation-bubble").with_attr("data-direction", "in");
    let before = app.texts_now(&inbound).await.len();
    assert!(
        !app.texts_now(&inbound)
            .await
            .iter()
            .any(|t| t.contains(TEXT)),
        "the reply is there before it was sent"
    );

    sandbox.inbound(FROM, V2_LINE, TEXT).await;

    app.wait_until("the reply's bubble in the open conversation", async |app| {
        let texts = app.texts_now(&inbound).await;
        (texts.len() > before && texts.iter().any(|t| t.contains(TEXT))).then_some(())
    })
    .await;
    app.screenshot("a_reply_appears_in_the_open_conversation")
        .await;
}

/// Add a webhook pointing at a loopback receiver, send it a test event (the receiver gets the
/// POST and the page shows the status code), then delete it.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "end-to-end: needs a display, tauri-driver and the built app (run scripts/e2e)"]
async fn adds_tests_and_deletes_a_webhook() {
    let receiver = HttpReceiver::start();
    let url = receiver.url("/sendblue/hook");

    let app = App::launch().await;
    app.wait_for("overview").await;
    app.click("nav-webhooks").await;
    app.wait_for("webhooks-page").await;

    app.click("webhook-add").await;
    app.wait_for("webhook-form").await;
    app.select("webhook-form-type", "receive").await;
    app.type_into("webhook-form-url", &url).await;
    app.click("webhook-form-save").await;
    app.wait_gone("webhook-form").await;

    let row = tid("webhook-row")
        .with_attr("data-url", &url)
        .with_attr("data-type", "receive");
    app.click(row.clone().inner("webhook-test")).await;
    let result = row
        .clone()
        .inner(tid("webhook-test-result").with_attr("data-ok", "true"));
    app.wait_for(&result).await;
    app.wait_for_text_containing(row.clone().inner("webhook-test-status"), "200")
        .await;
    let got = receiver
        .wait_for("POST", "/sendblue/hook", Duration::from_secs(10))
        .await;
    assert!(!got.body.is_empty(), "the test event had no body");
    serde_json::from_str::<serde_json::Value>(&got.body)
        .unwrap_or_else(|e| panic!("the test event is not JSON ({e}): {}", got.body));
    app.screenshot("adds_tests_and_deletes_a_webhook").await;

    app.click(row.clone().inner("webhook-delete")).await;
    app.click("webhook-delete-confirm").await;
    app.wait_gone(&row).await;
}

/// Update the contact-sharing card of the V2 line: the preview follows the fields, saving says
/// so, the sandbox has the new card, and the page shows it again after leaving and coming back.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "end-to-end: needs a display, tauri-driver and the built app (run scripts/e2e)"]
async fn updates_a_contact_sharing_profile() {
    const FIRST: &str = "Marigold";
    const LAST: &str = "Support";
    const DISPLAY: &str = "Marigold Florists";

    let app = App::launch().await;
    app.wait_for("overview").await;
    let sandbox = app.embedded_sandbox().await;
    app.click("nav-sharing").await;
    app.wait_for("sharing-page").await;
    app.click(tid("sharing-line").with_attr("data-number", V2_LINE))
        .await;
    let card = tid("sharing-line-card").with_attr("data-number", V2_LINE);
    app.wait_for(card.clone().inner("sharing-name")).await;

    app.type_into(card.clone().inner("sharing-name"), FIRST)
        .await;
    app.type_into(card.clone().inner("sharing-last-name"), LAST)
        .await;
    app.type_into(card.clone().inner("sharing-display-name"), DISPLAY)
        .await;
    app.wait_for_text_containing(card.clone().inner("sharing-preview-name"), FIRST)
        .await;
    app.click(card.clone().inner("sharing-save")).await;
    app.wait_for(
        card.clone()
            .inner(tid("sharing-result").with_attr("data-ok", "true")),
    )
    .await;
    app.screenshot("updates_a_contact_sharing_profile").await;

    // The sandbox holds the new card.
    let (status, state) = sandbox
        .request(
            "GET",
            &format!(
                "/api/v2/contact-sharing/state?fromNumber={}",
                V2_LINE.replace('+', "%2B")
            ),
            None,
        )
        .await;
    assert_eq!(status, 200, "contact-sharing state: {state}");
    let text = state.to_string();
    assert!(
        text.contains(FIRST) && text.contains(LAST) && text.contains(DISPLAY),
        "the sandbox's card is not the saved one: {text}"
    );

    // Away and back: the page reads the saved card.
    app.click("nav-overview").await;
    app.wait_for("overview").await;
    app.click("nav-sharing").await;
    app.click(tid("sharing-line").with_attr("data-number", V2_LINE))
        .await;
    app.wait_for_text_containing(
        card.clone().inner("sharing-status"),
        "shares a contact card",
    )
    .await;
    app.wait_until("the saved first name in the form", async |app| {
        let field = app.visible_now(&card.clone().inner("sharing-name")).await?;
        let value = field.prop("value").await.ok().flatten()?;
        (value == FIRST).then_some(())
    })
    .await;
}

/// Request a new line: the preview (with the charge warning), then confirm, then the bought
/// number is shown and listed.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "end-to-end: needs a display, tauri-driver and the built app (run scripts/e2e)"]
async fn requests_a_new_line() {
    let app = App::launch().await;
    app.wait_for("overview").await;
    app.click("nav-lines").await;
    app.wait_for("lines-page").await;
    app.wait_for(tid("line-item").with_attr("data-number", V2_LINE))
        .await;

    app.click("line-request").await;
    app.wait_for("line-request-dialog").await;
    app.wait_for("provisioning-preview").await;
    let message = app.text("provisioning-message").await;
    assert!(!message.trim().is_empty(), "the preview has no message");
    let expiry = app.text("provisioning-expiry").await;
    assert!(!expiry.trim().is_empty(), "the preview has no expiry");
    let warning = app.text("provisioning-charge-warning").await;
    assert!(
        warning.to_lowercase().contains("charge"),
        "the warning doesn't say the card will be charged: {warning:?}"
    );
    app.click("provisioning-confirm").await;

    let number = app
        .wait_until("the bought line's number", async |app| {
            let result = app.visible_now(&tid("provisioning-result")).await?;
            let number = result.attr("data-number").await.ok().flatten()?;
            number.starts_with('+').then_some(number)
        })
        .await;
    app.wait_for_text_containing("provisioning-result", &number)
        .await;
    app.wait_for(tid("line-item").with_attr("data-number", &number))
        .await;
    app.screenshot("requests_a_new_line").await;
    eprintln!("[e2e] bought line {number} (preview said {message:?}, expires {expiry:?})");
}

/// With notifications on and the window not focused, an inbound message reaches the real
/// notification daemon (dunst) on the journey's D-Bus session as "New message…"; with them off,
/// nothing does.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "end-to-end: needs a display, tauri-driver, dunst, xdotool and the built app (run scripts/e2e)"]
async fn notifies_of_an_inbound_message_while_unfocused() {
    const FROM: &str = "+16505550164";
    const SILENT: &str = "Sent while notifications are off";
    const LOUD: &str = "Sent while notifications are on";

    let daemon = NotificationDaemon::start();
    let app = App::launch().await;
    app.wait_for("overview").await;
    let sandbox = app.embedded_sandbox().await;

    // Notifications off (Settings), window unfocused: an inbound message makes no notification.
    app.click("nav-settings").await;
    let switch = tid("settings-notifications");
    // The switch's checkbox is drawn over by its track: a person clicks the label around both.
    let switch_label = css(format!("label:has({})", switch.css()));
    app.wait_for(switch.clone().with_attr("aria-checked", "true"))
        .await;
    app.click(&switch_label).await;
    app.wait_for(switch.clone().with_attr("aria-checked", "false"))
        .await;
    let other = OtherWindow::open();
    other.focus();
    sandbox.inbound(FROM, V2_LINE, SILENT).await;
    app.click("nav-activity").await;
    app.wait_for("activity-page").await;
    // Once the feed shows it, the app has handled it (and decided not to notify).
    wait_for_inbound_feed_item(&app, FROM).await;

    // On again, still unfocused: the next one is announced.
    app.click("nav-settings").await;
    app.click(&switch_label).await;
    app.wait_for(switch.clone().with_attr("aria-checked", "true"))
        .await;
    other.focus();
    sandbox.inbound(FROM, V2_LINE, LOUD).await;
    let got = daemon
        .wait_for_summary("New message", Duration::from_secs(20))
        .await;
    eprintln!("[e2e] dunst received {got:?}");
    assert!(
        got.body.contains(LOUD),
        "the notification doesn't carry the message: {got:?}"
    );
    assert!(
        !daemon.received().iter().any(|n| n.body.contains(SILENT)),
        "a notification came while notifications were off: {:?}",
        daemon.received()
    );
}

/// With the console's window in front, an inbound message makes no desktop notification; once
/// another window has the focus, the next one does.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "end-to-end: needs a display, tauri-driver, dunst, xdotool and the built app (run scripts/e2e)"]
async fn does_not_notify_while_the_window_is_focused() {
    const FRONT_FROM: &str = "+16505550176";
    const FRONT: &str = "Sent while the console is in front";
    const AWAY_FROM: &str = "+16505550178";
    const AWAY: &str = "Sent while another window is in front";

    let daemon = NotificationDaemon::start();
    let app = App::launch().await;
    app.wait_for("overview").await;
    let sandbox = app.embedded_sandbox().await;
    app.click("nav-activity").await;
    app.wait_for("activity-page").await;

    // The console in front (notifications are on by default).
    let main = app
        .wait_until("the main window on the display", async |_| {
            desktop::main_window()
        })
        .await;
    desktop::focus_window(&main).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(desktop::focused_window().as_deref(), Some(main.as_str()));
    sandbox.inbound(FRONT_FROM, V2_LINE, FRONT).await;
    wait_for_inbound_feed_item(&app, FRONT_FROM).await;

    // Another window in front: the next message is announced, the first one never was.
    let other = OtherWindow::open();
    other.focus();
    sandbox.inbound(AWAY_FROM, V2_LINE, AWAY).await;
    let got = daemon
        .wait_for_summary("New message", Duration::from_secs(20))
        .await;
    assert!(got.body.contains(AWAY), "unexpected notification: {got:?}");
    assert!(
        !daemon.received().iter().any(|n| n.body.contains(FRONT)),
        "a notification came while the console was in front: {:?}",
        daemon.received()
    );
}

/// Waits until the Activity feed shows a message received from `number` (E.164; the feed
/// formats it, so digits are compared).
async fn wait_for_inbound_feed_item(app: &App, number: &str) {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let inbound = tid("activity-item").with_attr("data-kind", "in");
    app.wait_until(
        format!("a message from {number} in the activity feed"),
        async |app| {
            app.texts_now(&inbound)
                .await
                .iter()
                .map(|t| t.chars().filter(char::is_ascii_digit).collect::<String>())
                .any(|d| d.contains(&digits))
                .then_some(())
        },
    )
    .await;
}
