//! Webhook and status-callback deliveries (§11.2): real HTTP POSTs of the JSON payload to each
//! registered URL of the notice's type, and to per-message `status_callback` URLs.
//!
//! - Secret: `sb-signing-secret: <secret>` with the webhook's own `secret`, else the account's
//!   `globalSecret`. Status callbacks carry the global secret when one is set (the reference
//!   says to assume every delivery carries it once a secret exists, §22.21).
//! - Retries: a non-2xx answer or no answer is retried 3 times, after base ×1, ×4 and ×16
//!   (`webhook_retry_base`, 1 s by default: 1 s, 4 s, 16 s); each attempt times out after
//!   `webhook_timeout`.
//! - Order and isolation: each URL has its own worker task that delivers its jobs one after
//!   the other (retries included), so one URL's deliveries keep their order and a slow or
//!   failing receiver never holds up another URL.
//! - Skipped without an attempt (debug log): hosts under the reserved TLDs `.test`,
//!   `.example`, `.invalid` and `.localhost` (RFC 2606/6761; the demo's webhooks live there),
//!   and private non-loopback addresses (10/8, 172.16/12, 192.168/16, link-local, unique
//!   local IPv6), whether written as an IP or resolved from a name.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use bytes::Bytes;
use reqwest::header::{HeaderValue, CONTENT_TYPE};
use tokio::sync::mpsc::error::SendError;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinSet;

use crate::notify::{Delivery, WebhookNotice};
use crate::state::AppState;

/// Retries after the first attempt, waiting `base × factor` before each.
const RETRY_FACTORS: [u32; 3] = [1, 4, 16];
/// A URL's worker ends after this long without work (a new one starts on the next job).
const WORKER_IDLE: Duration = Duration::from_secs(60);
/// The header carrying the shared secret.
const SECRET_HEADER: &str = "sb-signing-secret";

/// One POST to make.
#[derive(Debug, Clone)]
struct Job {
    url: String,
    body: Bytes,
    secret: Option<HeaderValue>,
    /// The webhook type, or `status_callback` (for logs).
    kind: &'static str,
}

/// How long to wait, and for how long to try.
#[derive(Debug, Clone, Copy)]
struct Timing {
    retry_base: Duration,
    timeout: Duration,
}

/// Sends queued deliveries until `stopped` flips (or the queue closes); then stops every
/// delivery in flight.
pub async fn run(
    state: AppState,
    mut deliveries: mpsc::UnboundedReceiver<Delivery>,
    mut stopped: watch::Receiver<bool>,
) {
    let http = http_client();
    let timing = Timing {
        retry_base: state.config.webhook_retry_base,
        timeout: state.config.webhook_timeout,
    };
    let mut queues: HashMap<String, mpsc::UnboundedSender<Job>> = HashMap::new();
    let mut workers = JoinSet::new();
    loop {
        tokio::select! {
            _ = stopped.changed() => break,
            next = deliveries.recv() => {
                let Some(delivery) = next else { break };
                for job in jobs(&state, delivery) {
                    dispatch(job, &mut queues, &mut workers, &http, timing);
                }
            }
            Some(_) = workers.join_next(), if !workers.is_empty() => {
                queues.retain(|_, queue| !queue.is_closed());
            }
        }
    }
    workers.abort_all();
    while workers.join_next().await.is_some() {}
}

/// The one client every delivery shares: no proxy (receivers are usually local), no
/// redirects (a receiver cannot bounce us elsewhere), and a resolver that refuses private
/// non-loopback addresses.
fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .dns_resolver(PublicOrLoopback)
        .user_agent(concat!("sendblue-sandbox/", env!("CARGO_PKG_VERSION")))
        .build()
        .unwrap_or_default()
}

/// Hands `job` to its URL's worker, starting one when there is none (or it just ended).
fn dispatch(
    job: Job,
    queues: &mut HashMap<String, mpsc::UnboundedSender<Job>>,
    workers: &mut JoinSet<()>,
    http: &reqwest::Client,
    timing: Timing,
) {
    let job = match queues.get(&job.url) {
        Some(queue) => match queue.send(job) {
            Ok(()) => return,
            Err(SendError(job)) => job,
        },
        None => job,
    };
    let (queue, rx) = mpsc::unbounded_channel();
    let url = job.url.clone();
    let _ = queue.send(job);
    queues.insert(url, queue);
    workers.spawn(worker(http.clone(), timing, rx));
}

/// Delivers one URL's jobs in order until idle for [`WORKER_IDLE`].
async fn worker(http: reqwest::Client, timing: Timing, mut rx: mpsc::UnboundedReceiver<Job>) {
    loop {
        match tokio::time::timeout(WORKER_IDLE, rx.recv()).await {
            Ok(Some(job)) => deliver(&http, timing, &job).await,
            Ok(None) => return,
            Err(_idle) => {
                // Refuse new jobs, then finish what slipped in before the close.
                rx.close();
                while let Ok(job) = rx.try_recv() {
                    deliver(&http, timing, &job).await;
                }
                return;
            }
        }
    }
}

/// One delivery with its retries.
async fn deliver(http: &reqwest::Client, timing: Timing, job: &Job) {
    let mut outcome = attempt(http, timing, job).await;
    for factor in RETRY_FACTORS {
        let Err(problem) = &outcome else { return };
        tracing::debug!(url = %job.url, kind = job.kind, %problem, "webhook delivery failed; retrying");
        tokio::time::sleep(timing.retry_base.saturating_mul(factor)).await;
        outcome = attempt(http, timing, job).await;
    }
    if let Err(problem) = outcome {
        tracing::warn!(url = %job.url, kind = job.kind, %problem, "webhook delivery given up after 3 retries");
    }
}

async fn attempt(http: &reqwest::Client, timing: Timing, job: &Job) -> Result<(), String> {
    let mut request = http
        .post(&job.url)
        .timeout(timing.timeout)
        .header(CONTENT_TYPE, "application/json")
        .body(job.body.clone());
    if let Some(secret) = &job.secret {
        request = request.header(SECRET_HEADER, secret.clone());
    }
    match request.send().await {
        Ok(answer) if answer.status().is_success() => Ok(()),
        Ok(answer) => Err(format!("answered {}", answer.status())),
        Err(e) => Err(format!("no answer: {e}")),
    }
}

/// The POSTs a delivery turns into (none when nothing is registered or every URL is skipped).
fn jobs(state: &AppState, delivery: Delivery) -> Vec<Job> {
    let (targets, kind, payload) = match delivery {
        Delivery::Webhooks(notice) => match webhook_targets(state, &notice) {
            Ok(targets) => (targets, notice.webhook_type, notice.payload),
            Err(e) => {
                tracing::error!(error = %e, "could not read the webhooks to deliver to");
                return Vec::new();
            }
        },
        Delivery::Callback(url, payload) => {
            let secret = match state.store.with(crate::domain::account) {
                Ok(account) => account.global_secret.filter(|s| !s.is_empty()),
                Err(e) => {
                    tracing::error!(error = %e, "could not read the account's global secret");
                    None
                }
            };
            (vec![(url, secret)], "status_callback", payload)
        }
    };
    if targets.is_empty() {
        return Vec::new();
    }
    let body = Bytes::from(serde_json::to_vec(&payload).unwrap_or_default());
    targets
        .into_iter()
        .filter(|(url, _)| {
            let skip = skip_reason(url);
            if let Some(reason) = skip {
                tracing::debug!(%url, kind, reason, "webhook delivery skipped");
            }
            skip.is_none()
        })
        .filter_map(|(url, secret)| {
            let secret = match secret.map(|s| HeaderValue::from_str(&s)) {
                None => None,
                Some(Ok(value)) => Some(value),
                Some(Err(_)) => {
                    tracing::warn!(%url, kind, "webhook secret is not a valid header value; delivery skipped");
                    return None;
                }
            };
            Some(Job {
                url,
                body: body.clone(),
                secret,
                kind,
            })
        })
        .collect()
}

/// The URLs registered for the notice's type, with the secret each is sent with. `receive`
/// entries listing `sendblue_numbers` only get notices for those lines (an empty list counts
/// as no filter).
fn webhook_targets(
    state: &AppState,
    notice: &WebhookNotice,
) -> rusqlite::Result<Vec<(String, Option<String>)>> {
    state.store.with(|conn| {
        let global = crate::domain::account(conn)?
            .global_secret
            .filter(|s| !s.is_empty());
        let mut stmt = conn.prepare(
            "SELECT url, secret, sendblue_numbers FROM webhooks WHERE type = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([notice.webhook_type], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?;
        let mut targets = Vec::new();
        for row in rows {
            let (url, secret, numbers) = row?;
            if notice.webhook_type == "receive" && !line_listed(numbers.as_deref(), notice) {
                continue;
            }
            let secret = secret.filter(|s| !s.is_empty()).or_else(|| global.clone());
            targets.push((url, secret));
        }
        Ok(targets)
    })
}

/// Whether a `receive` entry's `sendblue_numbers` (JSON array, or NULL) admits the notice.
fn line_listed(numbers: Option<&str>, notice: &WebhookNotice) -> bool {
    let listed: Vec<String> = numbers
        .and_then(|raw| serde_json::from_str(raw).ok())
        .unwrap_or_default();
    listed.is_empty()
        || notice
            .line
            .as_deref()
            .is_some_and(|line| listed.iter().any(|n| n == line))
}

/// Why a URL is not attempted at all, if it is not.
fn skip_reason(raw: &str) -> Option<&'static str> {
    let Ok(url) = url::Url::parse(raw) else {
        return Some("not a URL");
    };
    if !matches!(url.scheme(), "http" | "https") {
        return Some("not an http(s) URL");
    }
    match url.host() {
        None => Some("no host"),
        Some(url::Host::Domain(name)) => {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            let reserved = ["test", "example", "invalid", "localhost"]
                .iter()
                .any(|tld| {
                    name.ends_with(&format!(".{tld}")) || (name == *tld && name != "localhost")
                });
            reserved.then_some("reserved domain that never resolves")
        }
        Some(url::Host::Ipv4(ip)) => private(IpAddr::V4(ip)).then_some("private network address"),
        Some(url::Host::Ipv6(ip)) => private(IpAddr::V6(ip)).then_some("private network address"),
    }
}

/// Private, link-local, shared or unspecified addresses — everything a delivery must not reach
/// except loopback (where the tests' and the user's own receivers listen).
fn private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || (a == 100 && (64..128).contains(&b))
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return private(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            v6.is_unspecified() || (first & 0xfe00) == 0xfc00 || (first & 0xffc0) == 0xfe80
        }
    }
}

/// Resolves names with the system resolver and drops private non-loopback addresses.
#[derive(Debug, Clone, Copy)]
struct PublicOrLoopback;

impl reqwest::dns::Resolve for PublicOrLoopback {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let found: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await?
                .filter(|addr| !private(addr.ip()))
                .collect();
            if found.is_empty() {
                return Err(format!("{host} resolves to no public or loopback address").into());
            }
            Ok(Box::new(found.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_and_private_hosts_are_skipped() {
        for url in [
            "https://hooks.acme.test/sb/in",
            "https://x.example/a",
            "https://nowhere.invalid/",
            "http://app.localhost:8080/",
            "http://10.0.0.5/hook",
            "http://192.168.1.2/hook",
            "https://[fd00::1]/hook",
            "http://169.254.169.254/latest",
        ] {
            assert!(skip_reason(url).is_some(), "{url}");
        }
        for url in [
            "http://127.0.0.1:9000/hook",
            "http://localhost:9000/hook",
            "http://[::1]:9000/hook",
            "https://hooks.acme.com/sb/in",
            "https://8.8.8.8/x",
        ] {
            assert_eq!(skip_reason(url), None, "{url}");
        }
    }

    #[test]
    fn sendblue_numbers_filter() {
        let notice = |line: Option<&str>| WebhookNotice {
            webhook_type: "receive",
            payload: serde_json::Value::Null,
            line: line.map(str::to_owned),
        };
        let listed = Some(r#"["+14155550101"]"#);
        assert!(line_listed(listed, &notice(Some("+14155550101"))));
        assert!(!line_listed(listed, &notice(Some("+14155550100"))));
        assert!(!line_listed(listed, &notice(None)));
        assert!(line_listed(None, &notice(Some("+14155550100"))));
        assert!(line_listed(Some("[]"), &notice(Some("+14155550100"))));
    }
}
