//! Optional client-side pacing that keeps a busy console under the documented rate limits
//! (§21): the messages list (100 requests per 10 s per account) and sends per line (bursts of
//! 10 per second).

use std::collections::HashMap;
use std::time::Duration;

use tokio::sync::Mutex;
use tokio::time::Instant;

/// Which limit a request counts against.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PaceKey {
    /// Every request, when a general limit is set.
    General,
    /// `GET /api/v2/messages`.
    MessagesList,
    /// A send from this line.
    SendFrom(String),
}

/// Limits to pace against; `None` turns one off.
#[derive(Debug, Clone)]
pub struct PacingPolicy {
    /// Requests per second across the whole client.
    pub general_per_sec: Option<f64>,
    /// Requests allowed per window on the messages list.
    pub messages_list: Option<(u32, Duration)>,
    /// Sends per second per line.
    pub sends_per_line_per_sec: Option<f64>,
}

impl Default for PacingPolicy {
    /// The documented limits (§21), with no general limit.
    fn default() -> Self {
        Self {
            general_per_sec: None,
            messages_list: Some((100, Duration::from_secs(10))),
            sends_per_line_per_sec: Some(10.0),
        }
    }
}

#[derive(Debug)]
struct Bucket {
    capacity: f64,
    per_sec: f64,
    tokens: f64,
    at: Instant,
}

impl Bucket {
    fn new(capacity: f64, per_sec: f64) -> Self {
        Self {
            capacity,
            per_sec,
            tokens: capacity,
            at: Instant::now(),
        }
    }

    /// Takes a token, or says how long until one is available.
    fn take(&mut self, now: Instant) -> Option<Duration> {
        let elapsed = now.saturating_duration_since(self.at).as_secs_f64();
        self.tokens = (self.tokens + elapsed * self.per_sec).min(self.capacity);
        self.at = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            None
        } else {
            Some(Duration::from_secs_f64((1.0 - self.tokens) / self.per_sec))
        }
    }
}

/// Token buckets per [`PaceKey`].
#[derive(Debug)]
pub(crate) struct Pacer {
    policy: PacingPolicy,
    buckets: Mutex<HashMap<PaceKey, Bucket>>,
}

impl Pacer {
    pub(crate) fn new(policy: PacingPolicy) -> Self {
        Self {
            policy,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    fn limits(&self, key: &PaceKey) -> Option<(f64, f64)> {
        match key {
            PaceKey::General => self.policy.general_per_sec.map(|r| (r.max(1.0), r)),
            PaceKey::MessagesList => self
                .policy
                .messages_list
                .map(|(n, window)| (n as f64, n as f64 / window.as_secs_f64())),
            PaceKey::SendFrom(_) => self.policy.sends_per_line_per_sec.map(|r| (r.max(1.0), r)),
        }
    }

    /// Waits until a request under `key` (and the general limit) may go.
    pub(crate) async fn wait(&self, key: Option<&PaceKey>) {
        for k in [Some(&PaceKey::General), key].into_iter().flatten() {
            let Some((capacity, per_sec)) = self.limits(k) else {
                continue;
            };
            loop {
                let wait = {
                    let mut buckets = self.buckets.lock().await;
                    buckets
                        .entry(k.clone())
                        .or_insert_with(|| Bucket::new(capacity, per_sec))
                        .take(Instant::now())
                };
                match wait {
                    None => break,
                    Some(d) => tokio::time::sleep(d).await,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn messages_list_is_paced_to_its_window() {
        let pacer = Pacer::new(PacingPolicy {
            general_per_sec: None,
            messages_list: Some((5, Duration::from_secs(1))),
            sends_per_line_per_sec: None,
        });
        let start = Instant::now();
        for _ in 0..10 {
            pacer.wait(Some(&PaceKey::MessagesList)).await;
        }
        // 5 go at once, the next 5 at 5 per second.
        let took = start.elapsed();
        assert!(took >= Duration::from_millis(990), "{took:?}");
        assert!(took <= Duration::from_millis(1100), "{took:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn lines_are_paced_separately() {
        let pacer = Pacer::new(PacingPolicy {
            general_per_sec: None,
            messages_list: None,
            sends_per_line_per_sec: Some(2.0),
        });
        let start = Instant::now();
        for line in ["+1", "+2", "+3"] {
            pacer.wait(Some(&PaceKey::SendFrom(line.into()))).await;
            pacer.wait(Some(&PaceKey::SendFrom(line.into()))).await;
        }
        assert!(start.elapsed() < Duration::from_millis(10));
    }
}
