//! Load on loopback: a sandbox started in-process with the demo account, and `CLIENTS`
//! concurrent clients issuing a mix of typical calls for a fixed time. Prints requests per
//! second and latency percentiles per call type.
//!
//! `cargo bench -p sendblue-sandbox --bench load` (set `LOAD_SECONDS` / `LOAD_CLIENTS` to
//! change the defaults of 10 s and 16 clients).

#![allow(clippy::print_stdout)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use sendblue_sandbox::{SandboxConfig, DEFAULT_KEY_ID, DEFAULT_SECRET};
use serde_json::{json, Value};

/// One kind of request.
#[derive(Debug, Clone, Copy)]
enum Call {
    /// `GET /api/v2/contacts/count`
    Count,
    /// `GET /api/v2/contacts?limit=50&offset=N`
    Page,
    /// `GET /api/v2/contacts/{phone}`
    Get,
    /// `POST /api/send-message`
    Send,
    /// `GET /api/v2/messages?limit=50`
    Messages,
    /// `GET /api/v2/contacts?limit=1000` (set-up only: the phones to use)
    All,
}

/// The measured calls, their names, and how often each is drawn (weights).
const CALLS: [(Call, &str, u32); 5] = [
    (Call::Count, "contacts count", 2),
    (Call::Page, "contacts list page (50)", 3),
    (Call::Get, "get contact", 3),
    (Call::Send, "send message", 1),
    (Call::Messages, "messages list (50)", 2),
];
const LINE: &str = "+14155550100";

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[tokio::main]
async fn main() {
    let seconds = env_or("LOAD_SECONDS", 10).clamp(1, 120);
    let clients = env_or("LOAD_CLIENTS", 16).clamp(1, 256) as usize;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut config = SandboxConfig::ephemeral(dir.path().join("load.db"));
    config.seed_demo = true;
    config.auto_reply = false;
    let sandbox = sendblue_sandbox::start(config)
        .await
        .expect("sandbox starts");
    let base = sandbox.base_url();
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(clients)
        .build()
        .expect("http client");

    let phones: Arc<Vec<String>> = Arc::new({
        let list: Value = call(&http, &base, Call::All, &[]).await.1;
        list.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|c| c["phone"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    });
    assert!(!phones.is_empty(), "the demo account has contacts");

    println!(
        "sandbox load: {clients} clients, {seconds} s, loopback {base}, demo account ({} contacts)",
        phones.len()
    );
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let workers: Vec<_> = (0..clients)
        .map(|i| {
            let (http, base, phones) = (http.clone(), base.clone(), phones.clone());
            tokio::spawn(async move {
                let mut rng = StdRng::seed_from_u64(i as u64);
                let mut samples: Vec<Vec<Duration>> = vec![Vec::new(); CALLS.len()];
                let mut failures = 0u64;
                while Instant::now() < deadline {
                    let kind = pick(&mut rng);
                    let phone = phones.choose(&mut rng).cloned().unwrap_or_default();
                    let offset = rng.random_range(0..300u32);
                    let at = Instant::now();
                    let (ok, _) = call(
                        &http,
                        &base,
                        CALLS[kind].0,
                        &[("phone", &phone), ("offset", &offset.to_string())],
                    )
                    .await;
                    samples[kind].push(at.elapsed());
                    if !ok {
                        failures += 1;
                    }
                }
                (samples, failures)
            })
        })
        .collect();
    let mut samples: Vec<Vec<Duration>> = vec![Vec::new(); CALLS.len()];
    let mut failures = 0;
    for worker in workers {
        let (mine, failed) = worker.await.expect("worker");
        failures += failed;
        for (all, some) in samples.iter_mut().zip(mine) {
            all.extend(some);
        }
    }
    let elapsed = started.elapsed().as_secs_f64();

    println!();
    println!("| Call | Requests | Req/s | p50 (ms) | p95 (ms) | p99 (ms) |");
    println!("|---|---:|---:|---:|---:|---:|");
    let mut total = 0;
    let mut everything = Vec::new();
    for ((_, name, _), times) in CALLS.iter().zip(samples.iter_mut()) {
        total += times.len();
        everything.extend(times.iter().copied());
        row(name, times, elapsed);
    }
    row("all", &mut everything, elapsed);
    println!();
    println!("{total} requests, {failures} not answered 2xx");
    sandbox.shutdown().await;
}

fn row(name: &str, times: &mut [Duration], elapsed: f64) {
    times.sort_unstable();
    let pct = |p: f64| -> f64 {
        if times.is_empty() {
            return 0.0;
        }
        let i = ((times.len() as f64 - 1.0) * p).round() as usize;
        times[i].as_secs_f64() * 1000.0
    };
    println!(
        "| {name} | {} | {:.0} | {:.2} | {:.2} | {:.2} |",
        times.len(),
        times.len() as f64 / elapsed,
        pct(0.50),
        pct(0.95),
        pct(0.99)
    );
}

/// Draws a call type by weight.
fn pick(rng: &mut StdRng) -> usize {
    let total: u32 = CALLS.iter().map(|(_, _, w)| w).sum();
    let mut n = rng.random_range(0..total);
    for (i, (_, _, weight)) in CALLS.iter().enumerate() {
        if n < *weight {
            return i;
        }
        n -= weight;
    }
    0
}

/// Makes one call of `kind`; returns whether it answered 2xx, and its JSON.
async fn call(
    http: &reqwest::Client,
    base: &str,
    kind: Call,
    args: &[(&str, &str)],
) -> (bool, Value) {
    let arg = |name: &str| {
        args.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
            .unwrap_or_default()
    };
    let request = match kind {
        Call::Count => http.get(format!("{base}/api/v2/contacts/count")),
        Call::Page => http.get(format!(
            "{base}/api/v2/contacts?limit=50&offset={}",
            arg("offset")
        )),
        Call::Get => http.get(format!(
            "{base}/api/v2/contacts/{}",
            arg("phone").replace('+', "%2B")
        )),
        Call::Send => http
            .post(format!("{base}/api/send-message"))
            .json(&json!({"number": arg("phone"), "from_number": LINE, "content": "load test"})),
        Call::Messages => http.get(format!("{base}/api/v2/messages?limit=50")),
        Call::All => http.get(format!("{base}/api/v2/contacts?limit=1000")),
    };
    match request
        .header("sb-api-key-id", DEFAULT_KEY_ID)
        .header("sb-api-secret-key", DEFAULT_SECRET)
        .send()
        .await
    {
        Ok(answer) => {
            let ok = answer.status().is_success();
            let body = answer.json().await.unwrap_or(Value::Null);
            (ok, body)
        }
        Err(_) => (false, Value::Null),
    }
}
