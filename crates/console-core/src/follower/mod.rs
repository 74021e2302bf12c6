//! The event follower (issue 5): for one profile's client, follows the account event stream
//! and turns it into typed [`Activity`] items for the page (and new contacts for the
//! mirror), so that each change arrives exactly once and no message's status ever goes
//! backwards — across reconnects, stream rotations and outages.
//!
//! * **Reconnects** with exponential, capped, jittered backoff ([`Backoff`]); a stream the
//!   server rotates (`StreamItem::Ended`) is reopened at once, with no backoff.
//! * **Gap repair** after every reconnect or rotation, with the §12 queries
//!   (`client.events().gap_repair()`): messages updated and contacts created since the last
//!   moment the follower was in sync, less [`FollowerConfig::overlap`], and the line state
//!   snapshot. Typing events can't be repaired.
//! * **Polling** where the account has no stream (`GET /api/v2/events` answers 404): messages
//!   updated and contacts created since, every [`FollowerConfig::poll_interval`], announced as
//!   [`ConnectionState::Polling`].
//! * **Exactly once, never backwards**: event ids are de-duplicated; per message the latest
//!   status delivered is kept and an item with a lower [`sendblue_client::MessageStatus::rank`],
//!   or the same status again, is dropped; a contact passes once per `contact_id`. What is
//!   remembered is bounded (least recently used, see the `remembered_*` settings).
//!
//! ```no_run
//! # async fn demo(client: sendblue_client::Client) {
//! use console_core::follower::{Follower, FollowerConfig};
//! let (tx, mut rx) = tokio::sync::mpsc::channel(256);
//! let follower = Follower::start(client, FollowerConfig::default(), tx, None);
//! while let Some(activity) = rx.recv().await {
//!     // forward to the page as a typed event
//!     # let _ = activity; break;
//! }
//! follower.stop().await;
//! # }
//! ```

mod activity;
mod backoff;
mod clock;
mod convert;
mod deliver;
mod gate;
mod lru;
mod output;
mod repair;
mod run;

use std::sync::Arc;
use std::time::Duration;

use sendblue_client::Client;
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub use activity::{
    Activity, ConnectionState, ContactActivity, LineActivity, LineChange, MessageActivity,
    OtherActivity, TypingActivity,
};
pub use backoff::Backoff;
pub use output::{ActivityOutput, ContactSink};

/// How a follower behaves. The defaults suit a real account.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowerConfig {
    /// The reconnect schedule.
    pub backoff: Backoff,
    /// How far before the last in-sync moment a gap repair starts reading, to cover events in
    /// flight and small clock differences (5 s).
    pub overlap: Duration,
    /// Time between polls where the account has no stream (5 s).
    pub poll_interval: Duration,
    /// While polling, how often to look for the stream again (5 minutes).
    pub stream_recheck: Duration,
    /// The server's heartbeat period; the stream counts as dead after three silent periods
    /// (15 s).
    pub heartbeat: Duration,
    /// Rows per page of the repair and poll queries (200).
    pub page_size: u32,
    /// Event ids remembered to drop repeats (4,096 — more than a reconnect can replay).
    pub remembered_events: usize,
    /// Messages whose latest status is remembered (5,000; a few hundred bytes each, so about
    /// 1 MB). Only a message forgotten here could ever see a stale status again.
    pub remembered_messages: usize,
    /// Contact ids remembered (5,000).
    pub remembered_contacts: usize,
}

impl Default for FollowerConfig {
    fn default() -> Self {
        Self {
            backoff: Backoff::default(),
            overlap: Duration::from_secs(5),
            poll_interval: Duration::from_secs(5),
            stream_recheck: Duration::from_secs(300),
            heartbeat: sendblue_client::api::events::DEFAULT_HEARTBEAT,
            page_size: 200,
            remembered_events: 4096,
            remembered_messages: 5000,
            remembered_contacts: 5000,
        }
    }
}

/// A running follower. Stop it with [`Follower::stop`]; dropping it stops it too.
#[derive(Debug)]
pub struct Follower {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl Follower {
    /// Starts following `client`'s account on the current tokio runtime. Items go to
    /// `output` (a `tokio::sync::mpsc::Sender<Activity>` or [`ActivityOutput::callback`]);
    /// new contacts also go to `contacts` (the mirror) first. The first item is
    /// `ConnectionState::Connecting`; the last, after [`Follower::stop`], is `Stopped`. The
    /// follower also ends by itself when a channel output's receiver is dropped.
    pub fn start(
        client: Client,
        config: FollowerConfig,
        output: impl Into<ActivityOutput>,
        contacts: Option<Arc<dyn ContactSink>>,
    ) -> Self {
        let output = output.into();
        let (stop, mut stopped) = watch::channel(false);
        let pipe = deliver::Pipeline::new(&config, output.clone(), contacts);
        let runner = run::Runner::new(client, config, pipe);
        let task = tokio::spawn(async move {
            tokio::select! {
                () = Box::pin(runner.run()) => {}
                // A stop request, or the handle was dropped.
                _ = stopped.wait_for(|stop| *stop) => {}
            }
            let stopped = Activity::ConnectionState(ConnectionState::Stopped);
            let _ = tokio::time::timeout(Duration::from_secs(1), output.send(stopped)).await;
        });
        Self { stop, task }
    }

    /// Stops following and waits until it has (the `Stopped` state has been sent by then).
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        if let Err(e) = self.task.await {
            if e.is_panic() {
                tracing::error!("the event follower panicked: {e}");
            }
        }
    }

    /// True until it stops (on request, or because nobody listens any more).
    pub fn is_running(&self) -> bool {
        !self.task.is_finished()
    }
}
