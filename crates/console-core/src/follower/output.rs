//! Where the follower's results go: the activity items (a channel or a callback) and, for new
//! contacts, an optional sink that keeps the contacts mirror fresh.

use std::sync::Arc;

use sendblue_client::models::contacts::Contact;
use tokio::sync::mpsc;

use super::activity::Activity;
use crate::error::AppResult;

/// Where activity items are delivered. A bounded channel slows the follower down when the
/// consumer falls behind (the server then drops the stream and the gap is repaired), so
/// nothing piles up in memory.
#[derive(Clone)]
pub enum ActivityOutput {
    /// A tokio channel; the follower stops when the receiver is dropped.
    Channel(mpsc::Sender<Activity>),
    /// A callback (e.g. one that emits a typed Tauri event). It must return quickly.
    Callback(Arc<dyn Fn(Activity) + Send + Sync>),
}

impl std::fmt::Debug for ActivityOutput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ActivityOutput::Channel(_) => f.write_str("ActivityOutput::Channel"),
            ActivityOutput::Callback(_) => f.write_str("ActivityOutput::Callback"),
        }
    }
}

impl From<mpsc::Sender<Activity>> for ActivityOutput {
    fn from(sender: mpsc::Sender<Activity>) -> Self {
        ActivityOutput::Channel(sender)
    }
}

/// The consumer is gone: nobody is listening, so the follower stops.
#[derive(Debug)]
pub(crate) struct Closed;

impl ActivityOutput {
    /// A callback output.
    pub fn callback(f: impl Fn(Activity) + Send + Sync + 'static) -> Self {
        ActivityOutput::Callback(Arc::new(f))
    }

    /// Delivers one item, waiting for room in the channel.
    pub(crate) async fn send(&self, activity: Activity) -> Result<(), Closed> {
        match self {
            ActivityOutput::Channel(tx) => tx.send(activity).await.map_err(|_| Closed),
            ActivityOutput::Callback(f) => {
                f(activity);
                Ok(())
            }
        }
    }
}

/// Receives every new contact the follower sees (live or read back after a gap), once per
/// contact, before the page hears of it. The contacts mirror implements this to stay fresh
/// between full syncs. A contact from a live event carries only id, phone, names and
/// creation time; one read back after a gap is complete.
#[async_trait::async_trait]
pub trait ContactSink: Send + Sync {
    /// Records a new contact. An error is logged and the follower carries on: the mirror's
    /// next sync catches up.
    async fn contact_created(&self, contact: &Contact) -> AppResult<()>;
}

#[async_trait::async_trait]
impl<F> ContactSink for F
where
    F: Fn(&Contact) -> AppResult<()> + Send + Sync,
{
    async fn contact_created(&self, contact: &Contact) -> AppResult<()> {
        self(contact)
    }
}
