//! Reading the real keychain (gnome-keyring on the journey's D-Bus session) the way a person
//! would, with `secret-tool`.
//!
//! The console files each secret under service `sendblue-console` with the profile id as the
//! user name. The `keyring` crate's Secret Service backend stores that user name in the
//! attribute `username` (alongside `service`, `target` and `application`).

use std::process::Command;

/// The keychain service the console's entries are filed under.
pub const SERVICE: &str = "sendblue-console";

/// The attribute that holds the profile id (the `keyring` crate's name for the user).
pub const USER_ATTRIBUTE: &str = "username";

/// `secret-tool lookup service sendblue-console username <profile_id>`: the stored secret,
/// or `None` when there is no such entry.
pub fn lookup(profile_id: &str) -> Option<String> {
    let output = Command::new("secret-tool")
        .args(["lookup", "service", SERVICE, USER_ATTRIBUTE, profile_id])
        .output()
        .expect("secret-tool could not be run (apt-get install libsecret-tools)");
    if !output.status.success() {
        return None;
    }
    Some(
        String::from_utf8_lossy(&output.stdout)
            .trim_end_matches('\n')
            .to_owned(),
    )
}

/// The profile ids that have an entry: `secret-tool search --all service sendblue-console`.
pub fn stored_profile_ids() -> Vec<String> {
    let output = Command::new("secret-tool")
        .args(["search", "--all", "service", SERVICE])
        .output()
        .expect("secret-tool could not be run (apt-get install libsecret-tools)");
    // Attributes are printed as `attribute.username = <id>` (on stdout or stderr, by version).
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let prefix = format!("attribute.{USER_ATTRIBUTE} = ");
    text.lines()
        .filter_map(|l| l.trim().strip_prefix(&prefix).map(str::to_owned))
        .collect()
}
