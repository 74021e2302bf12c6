//! Parse + validate + normalize of a 100,000-row CSV (the import's per-row work, before
//! anything is sent): reading and decoding the file, splitting fields, mapping columns,
//! normalizing each phone number to E.164 with `phonenumber`. Criterion reports rows per
//! second (`thrpt`). A second case runs the whole dry run, which adds the duplicate checks in
//! the on-disk journal.
//!
//! `cargo bench -p console-core --bench import_parse`

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use console_core::import::{
    detect_source, dry_run, suggest_mapping, DefaultCountry, ImportControl, ImportOptions,
    ImportSpec, NoExistingContacts, Prepared, RowPreparer, RowReader,
};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const ROWS: u64 = 100_000;

/// A realistic file: numbers in five formats, names, a company, tags, a custom column, and
/// one row in fifty invalid.
fn write_fixture(path: &Path) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(out, "Phone,First name,Last name,Company,Email,Tags,Plan").unwrap();
    for i in 0..ROWS {
        let d = format!("212{:03}{:04}", 200 + (i / 10_000) % 100, i % 10_000);
        let phone = match i % 50 {
            49 => "not a number".to_owned(),
            n if n % 5 == 0 => format!("+1{d}"),
            n if n % 5 == 1 => format!("({}) {}-{}", &d[..3], &d[3..6], &d[6..]),
            n if n % 5 == 2 => format!("{}.{}.{}", &d[..3], &d[3..6], &d[6..]),
            n if n % 5 == 3 => format!("1-{}-{}-{}", &d[..3], &d[3..6], &d[6..]),
            _ => d.clone(),
        };
        writeln!(
            out,
            "{phone},First{i},\"Last, {i}\",Company {},p{i}@example.com,vip;lead,Plan {}",
            i % 97,
            i % 4
        )
        .unwrap();
    }
}

fn parse_validate_normalize(path: &Path) -> u64 {
    let settings = detect_source(path).unwrap();
    let mut reader = RowReader::open(path, &settings).unwrap();
    let mapping = suggest_mapping(reader.headers());
    let preparer = RowPreparer::new(&mapping, DefaultCountry::parse("US").unwrap()).unwrap();
    let mut ready = 0;
    while let Some(row) = reader.next_row().unwrap() {
        if let Prepared::Ready(_) = preparer.prepare(&row).outcome {
            ready += 1;
        }
    }
    ready
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("contacts.csv");
    write_fixture(&file);
    assert_eq!(parse_validate_normalize(&file), ROWS - ROWS / 50);

    let mut group = c.benchmark_group("import");
    group.throughput(Throughput::Elements(ROWS));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("parse_validate_normalize_100k_rows", |b| {
        b.iter(|| parse_validate_normalize(&file))
    });

    let settings = detect_source(&file).unwrap();
    let mapping = suggest_mapping(RowReader::open(&file, &settings).unwrap().headers());
    let spec = ImportSpec {
        file: file.clone(),
        settings,
        mapping,
        options: ImportOptions::default(),
    };
    let job = dir.path().join("job");
    group.bench_function("dry_run_100k_rows", |b| {
        b.iter(|| {
            let summary = dry_run(&job, &spec, &NoExistingContacts, &ImportControl::new()).unwrap();
            assert_eq!(summary.new, ROWS - ROWS / 50);
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
