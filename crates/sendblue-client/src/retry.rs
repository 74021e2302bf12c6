//! When a failed request is repeated, and how long to wait first ("At most once",
//! architecture.md).

use std::time::Duration;

use rand::Rng;

/// How a request may be repeated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    /// GET, PUT, DELETE and the POSTs whose repetition changes nothing: retried on 429, 5xx
    /// and every network failure.
    Safe,
    /// Every other POST: retried only when the request surely was not processed — the
    /// connection was refused, or the server answered 429.
    AtMostOnce,
}

/// Retry limits and backoff shape.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    /// Attempts after the first one (the SDK uses 2).
    pub max_retries: u32,
    /// First backoff step; doubled each attempt.
    pub base_delay: Duration,
    /// Upper bound for one wait, including a server's `Retry-After`.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 2,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    pub fn none() -> Self {
        Self {
            max_retries: 0,
            ..Self::default()
        }
    }

    /// The wait before retry number `attempt` (0-based): the server's hint when it gave one,
    /// else exponential backoff with full jitter, never above `max_delay`.
    pub fn delay(&self, attempt: u32, server_hint: Option<Duration>) -> Duration {
        if let Some(hint) = server_hint {
            return hint.min(self.max_delay);
        }
        let exp = self
            .base_delay
            .saturating_mul(2u32.saturating_pow(attempt.min(16)))
            .min(self.max_delay);
        // Full jitter in [exp/2, exp] keeps clients from retrying in lockstep.
        let half = exp / 2;
        let jitter_ms = rand::rng().random_range(0..=half.as_millis().max(1) as u64);
        half + Duration::from_millis(jitter_ms)
    }
}

/// What the transport saw, reduced to what the retry decision needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// The connection could not be opened: nothing was sent.
    ConnectFailed,
    /// Sent, but no answer in time, or the answer was cut off.
    SentNoAnswer,
    /// An HTTP status arrived.
    Status(u16),
}

/// Whether a request of this kind may be repeated after this outcome. `should_retry` is the
/// server's `x-should-retry` header, which overrides the status rules when present.
pub(crate) fn may_retry(repeat: Repeat, outcome: Outcome, should_retry: Option<bool>) -> bool {
    if let Some(explicit) = should_retry {
        // The server knows whether the request had an effect.
        return explicit;
    }
    match (repeat, outcome) {
        (_, Outcome::ConnectFailed) => true,
        (_, Outcome::Status(429)) => true,
        (Repeat::Safe, Outcome::SentNoAnswer) => true,
        (Repeat::Safe, Outcome::Status(s)) => s >= 500 || s == 408,
        (Repeat::AtMostOnce, _) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_most_once_rules() {
        use Outcome::*;
        assert!(may_retry(Repeat::AtMostOnce, ConnectFailed, None));
        assert!(may_retry(Repeat::AtMostOnce, Status(429), None));
        assert!(!may_retry(Repeat::AtMostOnce, SentNoAnswer, None));
        assert!(!may_retry(Repeat::AtMostOnce, Status(503), None));
        assert!(!may_retry(Repeat::AtMostOnce, Status(500), None));
        assert!(may_retry(Repeat::Safe, SentNoAnswer, None));
        assert!(may_retry(Repeat::Safe, Status(503), None));
        assert!(!may_retry(Repeat::Safe, Status(400), None));
        assert!(!may_retry(Repeat::Safe, Status(503), Some(false)));
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let p = RetryPolicy {
            max_retries: 5,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(1000),
        };
        for attempt in 0..10 {
            let d = p.delay(attempt, None);
            let exp = (100u64 << attempt.min(16)).min(1000);
            assert!(d.as_millis() as u64 >= exp / 2 && d.as_millis() as u64 <= exp);
        }
        assert_eq!(
            p.delay(0, Some(Duration::from_secs(5))),
            Duration::from_millis(1000)
        );
        assert_eq!(
            p.delay(0, Some(Duration::from_millis(300))),
            Duration::from_millis(300)
        );
    }
}
