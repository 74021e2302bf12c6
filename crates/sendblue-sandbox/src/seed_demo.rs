//! (being written) The demo account for `--seed-demo`.

use crate::state::AppState;

/// Adds the demo account's contacts, conversations, webhooks and sharing profile.
pub fn seed(_state: &AppState) -> rusqlite::Result<()> {
    Ok(())
}
