//! Timed runs for `scripts/bench-import` (one measurement per process; the script repeats
//! them and takes the median). Prints `key=value` lines.
//!
//! ```text
//! import_bench gen <rows> <file>      write a CSV of <rows> distinct contacts
//! import_bench dry-run <file>         dry run of <file> (no sandbox); peak memory at the end
//! import_bench e2e <rows>             dry run + import of <rows> contacts into an in-process sandbox
//! import_bench one-by-one <count>     <count> contacts().create calls, one after another
//! ```

#![allow(clippy::print_stdout)]

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use console_core::import::{
    detect_source, dry_run, inspect_file, run_import, ExistingPhones, ImportControl, ImportOptions,
    ImportSpec, NoExistingContacts,
};
use sendblue_client::models::contacts::CreateContact;
use sendblue_client::{Client, ClientConfig};
use sendblue_sandbox::{RunningSandbox, SandboxConfig, DEFAULT_KEY_ID, DEFAULT_SECRET};

fn number(i: u64) -> String {
    let areas = [212, 312, 646, 718, 917, 213, 310, 305, 617, 202];
    let area = areas[(i / 1_000_000) as usize % areas.len()];
    let rest = i % 1_000_000;
    format!("+1{area}{:03}{:04}", 200 + rest / 10_000, rest % 10_000)
}

fn generate(rows: u64, path: &Path) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(out, "Phone,First name,Last name,Company,Tags,Plan").unwrap();
    for i in 0..rows {
        let e164 = number(i);
        let d = &e164[2..];
        let phone = match i % 4 {
            0 => e164.clone(),
            1 => format!("({}) {}-{}", &d[..3], &d[3..6], &d[6..]),
            2 => format!("{}.{}.{}", &d[..3], &d[3..6], &d[6..]),
            _ => d.to_owned(),
        };
        writeln!(
            out,
            "{phone},First{i},Last{i},Company {},vip;lead,Plan {}",
            i % 97,
            i % 4
        )
        .unwrap();
    }
}

fn spec(file: &Path) -> ImportSpec {
    ImportSpec {
        file: file.to_path_buf(),
        settings: detect_source(file).unwrap(),
        mapping: inspect_file(file).unwrap().mapping,
        options: ImportOptions::default(),
    }
}

/// Peak resident memory of this process (Linux), in KiB.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

async fn sandbox(dir: &Path) -> (RunningSandbox, Client) {
    let mut config = SandboxConfig::ephemeral(dir.join("sandbox.db"));
    config.auto_reply = false;
    let running = sendblue_sandbox::start(config).await.unwrap();
    let client = Client::new(
        ClientConfig::new(DEFAULT_KEY_ID, DEFAULT_SECRET)
            .with_base_url(&running.base_url())
            .unwrap(),
    )
    .unwrap();
    (running, client)
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).cloned().unwrap_or_default();
    match arg(0).as_str() {
        "gen" => generate(arg(1).parse().unwrap(), Path::new(&arg(2))),
        "dry-run" => {
            let job = tempfile::tempdir().unwrap();
            let started = Instant::now();
            let spec = spec(Path::new(&arg(1)));
            let summary = dry_run(
                job.path(),
                &spec,
                &NoExistingContacts,
                &ImportControl::new(),
            )
            .unwrap();
            let secs = started.elapsed().as_secs_f64();
            println!("rows={}", summary.rows);
            println!("new={}", summary.new);
            println!("secs={secs:.3}");
            println!("rows_per_sec={:.0}", summary.rows as f64 / secs);
            println!("peak_rss_kib={}", peak_rss_kib());
        }
        "e2e" => {
            let rows: u64 = arg(1).parse().unwrap();
            let dir = tempfile::tempdir().unwrap();
            let file = dir.path().join("contacts.csv");
            generate(rows, &file);
            let (running, client) = sandbox(dir.path()).await;
            let job = dir.path().join("job");
            let started = Instant::now();
            let existing = ExistingPhones::from_account(&client, &dir.path().join("existing.db"))
                .await
                .unwrap();
            let spec = spec(&file);
            let job2 = job.clone();
            let summary = tokio::task::spawn_blocking(move || {
                dry_run(&job2, &spec, &existing, &ImportControl::new())
            })
            .await
            .unwrap()
            .unwrap();
            let checked = started.elapsed().as_secs_f64();
            let report = run_import(&job, &client, &ImportControl::new())
                .await
                .unwrap();
            let secs = started.elapsed().as_secs_f64();
            assert_eq!(report.totals.imported, rows);
            assert_eq!(client.contacts().count().await.unwrap(), rows);
            println!("rows={}", summary.rows);
            println!("dry_run_secs={checked:.3}");
            println!("secs={secs:.3}");
            println!("rows_per_sec={:.0}", rows as f64 / secs);
            running.shutdown().await;
        }
        "one-by-one" => {
            let count: u64 = arg(1).parse().unwrap();
            let dir = tempfile::tempdir().unwrap();
            let (running, client) = sandbox(dir.path()).await;
            let started = Instant::now();
            for i in 0..count {
                let mut c = CreateContact::new(number(i));
                c.first_name = Some(format!("First{i}"));
                c.last_name = Some(format!("Last{i}"));
                client.contacts().create(&c).await.unwrap();
            }
            let secs = started.elapsed().as_secs_f64();
            println!("rows={count}");
            println!("secs={secs:.3}");
            println!("rows_per_sec={:.0}", count as f64 / secs);
            println!(
                "extrapolated_100k_secs={:.1}",
                secs * 100_000.0 / count as f64
            );
            running.shutdown().await;
        }
        other => {
            eprintln!("unknown mode {other:?}: gen | dry-run | e2e | one-by-one");
            std::process::exit(2);
        }
    }
}
