//! The follower's loop: open the stream, read back the gap, follow live items; after a
//! failure back off and reconnect; after a rotation reconnect at once; where the account has
//! no stream, poll.

use std::time::{Duration, Instant};

use futures_util::{pin_mut, StreamExt};
use sendblue_client::api::events::EventStreamOptions;
use sendblue_client::models::events::StreamItem;
use sendblue_client::Client;

use super::activity::ConnectionState;
use super::clock::{now_ms, Watermark};
use super::deliver::Pipeline;
use super::output::Closed;
use super::repair::{self, Failure, PollCursors};
use super::FollowerConfig;
use crate::error::AppError;

/// A stream the server closes sooner than this after opening counts as a failure (with
/// backoff), not a rotation, so a server that closes every stream at once is not hammered.
const MIN_ROTATION_UPTIME: Duration = Duration::from_secs(1);

/// What to do after a connection ends.
enum Next {
    /// The server rotated the stream: reconnect at once.
    Rotate,
    /// It failed: back off, then reconnect.
    Retry(String),
    /// There is no stream here: poll.
    Poll,
}

/// One follower's state across connections.
pub(crate) struct Runner {
    client: Client,
    config: FollowerConfig,
    pipe: Pipeline,
    mark: Watermark,
    /// Set once the follower has been in sync: from then on every connect repairs the gap.
    started: bool,
    /// Failures in a row.
    attempt: u32,
}

impl Runner {
    pub(crate) fn new(client: Client, config: FollowerConfig, pipe: Pipeline) -> Self {
        Self {
            client,
            config,
            pipe,
            mark: Watermark::now(),
            started: false,
            attempt: 0,
        }
    }

    /// Runs until the consumer goes away (stopping is done by dropping this future).
    pub(crate) async fn run(mut self) {
        loop {
            let step = match self.connect().await {
                Ok(Next::Rotate) => Ok(()),
                Ok(Next::Retry(reason)) => self.back_off(reason).await,
                Ok(Next::Poll) => self.poll().await,
                Err(closed) => Err(closed),
            };
            if step.is_err() {
                return;
            }
        }
    }

    fn overlap_ms(&self) -> i64 {
        self.config.overlap.as_millis() as i64
    }

    /// One connection, from opening to its end.
    async fn connect(&mut self) -> Result<Next, Closed> {
        if !self.pipe.is_polling() {
            self.pipe.state(ConnectionState::Connecting).await?;
        }
        let opened_ms = now_ms();
        let options = EventStreamOptions {
            types: Vec::new(),
            heartbeat: self.config.heartbeat,
        };
        let stream = match self.client.events().stream_with(&options).await {
            Ok(stream) => stream,
            Err(e) if e.is_stream_unavailable() => return Ok(Next::Poll),
            Err(e) => return Ok(Next::Retry(AppError::from(e).message)),
        };
        let up = Instant::now();
        if self.started {
            let (overlap, page) = (self.overlap_ms(), self.config.page_size);
            match repair::repair(&self.client, &mut self.pipe, &mut self.mark, overlap, page).await
            {
                Ok(()) => self.mark.repaired_up_to(opened_ms),
                Err(Failure::Closed) => return Err(Closed),
                Err(Failure::Api(e)) => return Ok(Next::Retry(AppError::from(e).message)),
            }
        } else {
            self.begin().await?;
        }
        self.pipe.state(ConnectionState::Live).await?;

        pin_mut!(stream);
        let failed = loop {
            match stream.next().await {
                Some(Ok(StreamItem::Event(event))) => {
                    self.pipe.event(*event).await?;
                    self.mark.touch();
                }
                Some(Ok(StreamItem::Heartbeat | StreamItem::Control(_))) => self.mark.touch(),
                Some(Ok(StreamItem::Ended)) | None => break None,
                Some(Err(e)) => break Some(e),
            }
        };
        if up.elapsed() >= self.config.backoff.healthy_after {
            self.attempt = 0;
        }
        Ok(match failed {
            None if up.elapsed() >= MIN_ROTATION_UPTIME => Next::Rotate,
            None => Next::Retry("The event stream closed as soon as it opened.".into()),
            Some(e) => Next::Retry(AppError::from(e).message),
        })
    }

    /// The first time in sync: nothing to repair; learn the lines and the server's clock.
    async fn begin(&mut self) -> Result<(), Closed> {
        self.mark = Watermark::now();
        self.started = true;
        match repair::lines(&self.client, &mut self.pipe, &mut self.mark).await {
            Err(Failure::Closed) => Err(Closed),
            // Only needed to spot line changes after a gap; the next repair learns them.
            Ok(()) | Err(Failure::Api(_)) => Ok(()),
        }
    }

    async fn back_off(&mut self, reason: String) -> Result<(), Closed> {
        self.attempt = self.attempt.saturating_add(1);
        let delay = self.config.backoff.delay(self.attempt);
        tracing::info!(
            attempt = self.attempt,
            ?delay,
            "event stream down: {reason}"
        );
        self.pipe
            .state(ConnectionState::Reconnecting {
                attempt: self.attempt,
                retry_in_ms: delay.as_millis() as u64,
                reason,
            })
            .await?;
        tokio::time::sleep(delay).await;
        Ok(())
    }

    /// Polls until it is time to look for the stream again.
    async fn poll(&mut self) -> Result<(), Closed> {
        let every = self.config.poll_interval;
        let reason = format!(
            "This account has no live event stream, so the console checks for new messages \
             and contacts every {} seconds.",
            every.as_secs_f64().ceil().max(1.0)
        );
        self.pipe.state(ConnectionState::Polling { reason }).await?;
        if !self.started {
            self.begin().await?;
        }
        let mut cursors = PollCursors::from_ms(self.mark.server_ms());
        let began = Instant::now();
        loop {
            let round_ms = now_ms();
            let (overlap, page) = (self.overlap_ms(), self.config.page_size);
            match cursors
                .poll(&self.client, &mut self.pipe, overlap, page)
                .await
            {
                Ok(()) => self.mark.repaired_up_to(round_ms),
                Err(Failure::Closed) => return Err(Closed),
                Err(Failure::Api(e)) => tracing::warn!("polling for changes failed: {e}"),
            }
            if began.elapsed() >= self.config.stream_recheck {
                return Ok(());
            }
            tokio::time::sleep(every).await;
        }
    }
}
