//! End-to-end journeys through the console's pages (issue 7): the built app in a real window
//! against its embedded sandbox, each from a clean data folder. Run them with `scripts/e2e`
//! (Xvfb, D-Bus session, unlocked gnome-keyring, dunst, xdotool); plain `cargo test` skips
//! them. Test ids: docs/ui-contract.md.

use std::time::Duration;

use e2e::{tid, App};

/// The three lines every new sandbox has; the first is the V2 line that can do everything.
const V2_LINE: &str = "+14155550100";

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

    // The table shows it (searched by its unusual last name).
    app.type_into("contacts-search", LAST_NAME).await;
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
    let _ = Duration::ZERO;
    let _ = V2_LINE;
}
