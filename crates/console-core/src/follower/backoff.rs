//! How long to wait before reconnecting: exponential, capped, with jitter so that many
//! consoles cut off together don't all come back in the same instant.

use std::time::Duration;

/// The reconnect schedule. The n-th failure in a row waits a random time between half and
/// all of `initial × factorⁿ⁻¹`, capped at `max`. A connection that stayed up for
/// `healthy_after` starts the count again; a stream rotation is not a failure at all.
#[derive(Debug, Clone, PartialEq)]
pub struct Backoff {
    /// Wait after the first failure (before jitter).
    pub initial: Duration,
    /// The longest wait.
    pub max: Duration,
    /// Growth per failure.
    pub factor: f64,
    /// A connection up this long resets the failure count.
    pub healthy_after: Duration,
}

impl Default for Backoff {
    /// 1 s, doubling, at most 60 s; reset after a minute up.
    fn default() -> Self {
        Self {
            initial: Duration::from_secs(1),
            max: Duration::from_secs(60),
            factor: 2.0,
            healthy_after: Duration::from_secs(60),
        }
    }
}

impl Backoff {
    /// The capped wait before jitter for failure number `attempt` (1 for the first).
    pub fn ceiling(&self, attempt: u32) -> Duration {
        let exponent = attempt.saturating_sub(1).min(64) as i32;
        let secs = self.initial.as_secs_f64() * self.factor.max(1.0).powi(exponent);
        Duration::from_secs_f64(secs.min(self.max.as_secs_f64()))
    }

    /// The wait for failure number `attempt`: uniformly random in [ceiling/2, ceiling]. Half
    /// is kept fixed so a reconnect storm is spread out but never hammers the server.
    pub fn delay(&self, attempt: u32) -> Duration {
        let ceiling = self.ceiling(attempt);
        let share = 0.5 + rand::random::<f64>() * 0.5;
        ceiling.mul_f64(share)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_then_caps_and_jitters_within_bounds() {
        let b = Backoff {
            initial: Duration::from_millis(100),
            max: Duration::from_millis(1000),
            factor: 2.0,
            healthy_after: Duration::from_secs(1),
        };
        assert_eq!(b.ceiling(1), Duration::from_millis(100));
        assert_eq!(b.ceiling(3), Duration::from_millis(400));
        assert_eq!(b.ceiling(5), Duration::from_millis(1000));
        assert_eq!(b.ceiling(u32::MAX), Duration::from_millis(1000));
        let delays: Vec<Duration> = (0..200).map(|_| b.delay(2)).collect();
        assert!(delays
            .iter()
            .all(|d| *d >= Duration::from_millis(100) && *d <= Duration::from_millis(200)));
        assert!(delays.iter().any(|d| *d != delays[0]), "jittered");
    }
}
