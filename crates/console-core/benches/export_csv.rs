//! What the CSV writer and the audit log cost: neutralizing cells, streaming a contacts
//! export to a real file, and recording an audit entry in a real SQLite file.
//!
//! `cargo bench -p console-core --bench export_csv`

use std::collections::BTreeMap;

use console_core::audit::action;
use console_core::export::{neutralize, write_contacts};
use console_core::{AuditEvent, AuditLog, Profile, ProfileKind};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use sendblue_client::models::contacts::Contact;

const ROWS: u64 = 10_000;

fn contact(i: u64) -> Contact {
    Contact {
        phone: format!("+1646{i:07}"),
        first_name: Some(format!("Zoë {i}")),
        last_name: Some(if i.is_multiple_of(10) {
            "=cmd".into()
        } else {
            format!("Smith, {i}")
        }),
        company_name: Some("Acme \"Widgets\"".into()),
        assigned_to_email: Some("rep@example.com".into()),
        tags: vec!["vip".into(), "lead".into()],
        opt_out: Some(false),
        verified: Some(i.is_multiple_of(3)),
        sendblue_number: Some("+14155550100".into()),
        created_at: Some("2026-01-02T03:04:05.000Z".into()),
        custom_variables: BTreeMap::from([
            ("City".into(), "Zürich".into()),
            ("Plan".into(), format!("P{}", i % 4)),
            ("Seats".into(), (i % 50).to_string()),
        ]),
        ..Contact::default()
    }
}

fn neutralizing(c: &mut Criterion) {
    let cells = [
        "Plain name",
        "+14155550123",
        "=HYPERLINK(\"x\")",
        "-10% off",
        "@SUM(A1)",
        "+1 415 555",
        "José 😀",
        "",
    ];
    let mut group = c.benchmark_group("csv");
    group.throughput(Throughput::Elements(cells.len() as u64));
    group.bench_function("neutralize 8 cells", |b| {
        b.iter(|| {
            cells
                .iter()
                .map(|cell| neutralize(std::hint::black_box(cell)).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn contacts_export(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("contacts.csv");
    let keys: Vec<String> = ["City", "Plan", "Seats"].map(String::from).to_vec();
    let mut group = c.benchmark_group("export");
    group.sample_size(20);
    group.throughput(Throughput::Elements(ROWS));
    group.bench_function("contacts 10,000 rows to a file", |b| {
        b.iter(|| {
            write_contacts(&path, &keys, (0..ROWS).map(|i| Ok(contact(i))), |_, _| {
                Ok(())
            })
            .unwrap()
        })
    });
    group.finish();
}

fn audit_record(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let log = AuditLog::open_in(dir.path()).unwrap();
    let profile = Profile {
        id: "p-1".into(),
        name: "Bench".into(),
        base_url: "https://api.sendblue.co".into(),
        key_id: "key".into(),
        kind: ProfileKind::Live,
    };
    let details = serde_json::json!({
        "url": "https://hooks.example.com/in",
        "secret": "whs_abc",
        "sendblue_numbers": ["+14155550100"],
    });
    let mut group = c.benchmark_group("audit");
    group.throughput(Throughput::Elements(1));
    group.bench_function("record one entry", |b| {
        b.iter_batched(
            || AuditEvent::new(&profile, action::WEBHOOK_ADD, "receive").details(details.clone()),
            |event| log.record(event).unwrap(),
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, neutralizing, contacts_export, audit_record);
criterion_main!(benches);
