//! `sendblue-sandbox`: the emulator as a command. The first line it prints is
//! `listening on http://HOST:PORT`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Parser, ValueEnum};
use sendblue_sandbox::{Faults, SandboxConfig};

/// A local emulator of the Sendblue API.
#[derive(Debug, Parser)]
#[command(name = "sendblue-sandbox", version, about)]
struct Args {
    /// Address to listen on; port 0 picks a free one.
    #[arg(long, default_value = "127.0.0.1:7878")]
    addr: SocketAddr,
    /// SQLite file (created if missing); media files are stored beside it.
    #[arg(long, default_value = "sendblue-sandbox.db")]
    db: PathBuf,
    /// The accepted `sb-api-key-id`.
    #[arg(long, default_value = sendblue_sandbox::DEFAULT_KEY_ID)]
    key_id: String,
    /// The accepted `sb-api-secret-key` (or set SENDBLUE_SANDBOX_SECRET).
    #[arg(long, env = "SENDBLUE_SANDBOX_SECRET", default_value = sendblue_sandbox::DEFAULT_SECRET, hide_env_values = true)]
    secret: String,
    /// Add a realistic demo account to a new database.
    #[arg(long)]
    seed_demo: bool,
    /// Milliseconds per status step.
    #[arg(long, default_value_t = 500)]
    tick_ms: u64,
    /// Simulated people reply to messages.
    #[arg(long, value_enum, default_value_t = OnOff::On)]
    auto_reply: OnOff,
    /// Milliseconds added to every answer.
    #[arg(long, default_value_t = 0)]
    latency_ms: u64,
    /// Share (0–1) of answers that are 429 with Retry-After, or 503.
    #[arg(long, default_value_t = 0.0)]
    error_rate: f64,
    /// Share (0–1) of connections dropped without an answer.
    #[arg(long, default_value_t = 0.0)]
    drop_rate: f64,
    /// Requests per second per key (0 = no limit).
    #[arg(long, default_value_t = 0)]
    rate_limit: u32,
    /// Seconds between event-stream heartbeats.
    #[arg(long, default_value_t = 15)]
    heartbeat_s: u64,
    /// Seconds after which the event stream is closed (clients reconnect).
    #[arg(long, default_value_t = 900)]
    stream_rotate_s: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OnOff {
    On,
    Off,
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    let faults = Faults {
        latency_ms: args.latency_ms,
        error_rate: args.error_rate,
        drop_rate: args.drop_rate,
        rate_limit: args.rate_limit,
    };
    if let Err(problem) = faults.validate() {
        eprintln!("sendblue-sandbox: {problem}");
        std::process::exit(2);
    }
    let mut config = SandboxConfig::new(args.db);
    config.addr = args.addr;
    config.key_id = args.key_id;
    config.secret = args.secret;
    config.seed_demo = args.seed_demo;
    config.tick = Duration::from_millis(args.tick_ms.max(1));
    config.auto_reply = args.auto_reply == OnOff::On;
    config.heartbeat = Duration::from_secs(args.heartbeat_s.max(1));
    config.stream_rotate = Duration::from_secs(args.stream_rotate_s.max(1));
    config.faults = faults;
    let sandbox = match sendblue_sandbox::start(config).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("sendblue-sandbox: {e}");
            std::process::exit(1);
        }
    };
    #[allow(clippy::print_stdout)]
    {
        println!("listening on {}", sandbox.base_url());
    }
    let _ = tokio::signal::ctrl_c().await;
    sandbox.shutdown().await;
}
