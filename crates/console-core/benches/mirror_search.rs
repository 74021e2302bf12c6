//! Search over a 100,000-contact mirror: what the contacts table asks for while a person
//! types, filters, sorts and scrolls. The mirror is built once (realistic generated data from
//! a fixed seed, written through the same path as a sync's pages) in a real SQLite file.
//!
//! `cargo bench -p console-core --bench mirror_search`

use std::collections::{BTreeMap, HashSet};
use std::time::Instant;

use console_core::mirror::{ContactQuery, ContactSortKey, Mirror, SortDirection};
use criterion::{criterion_group, criterion_main, Criterion};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sendblue_client::models::contacts::Contact;

const CONTACTS: usize = 100_000;

const FIRST: &[&str] = &[
    "María",
    "José",
    "Ana",
    "Luis",
    "Emma",
    "Olivia",
    "Liam",
    "Noah",
    "Sophia",
    "Mia",
    "Lucas",
    "Chloé",
    "Zoë",
    "Renée",
    "François",
    "Björn",
    "Søren",
    "Ngozi",
    "Wei",
    "Aiko",
    "Priya",
    "Rahul",
    "Fatima",
    "Omar",
    "Hannah",
    "Jack",
    "Grace",
    "Leo",
    "Isabella",
    "Mateo",
    "Elena",
    "Daniel",
    "Sara",
    "David",
    "Laura",
    "Jakub",
    "Zofia",
    "Kenji",
    "Yuki",
    "Amara",
    "Kwame",
    "Ingrid",
    "Lars",
    "Anaïs",
    "Thiago",
    "Camila",
    "Diego",
    "Valentina",
    "Ethan",
    "Ava",
];
const LAST: &[&str] = &[
    "García",
    "Smith",
    "Johnson",
    "Müller",
    "Rossi",
    "Nguyen",
    "Kim",
    "Patel",
    "Okafor",
    "Silva",
    "Dubois",
    "Kowalski",
    "Novak",
    "Larsen",
    "Andersson",
    "O'Brien",
    "Martínez",
    "López",
    "Brown",
    "Taylor",
    "Wilson",
    "Tanaka",
    "Sato",
    "Chen",
    "Wang",
    "Singh",
    "Khan",
    "Mensah",
    "Haddad",
    "Cohen",
    "Fischer",
    "Weber",
    "Moreau",
    "Costa",
    "Pereira",
    "Ivanova",
    "Popescu",
    "Horváth",
    "Nieminen",
    "Jensen",
    "Walsh",
    "Murphy",
    "Reyes",
    "Cruz",
    "Ortiz",
];
const COMPANIES: &[&str] = &[
    "Acme Corp",
    "Globex",
    "Initech",
    "Umbrella Health",
    "Stark Industries",
    "Wayne Logistics",
    "Hooli",
    "Vandelay Imports",
    "Soylent Foods",
    "Tyrell Systems",
    "Cyberdyne",
    "Aperture Labs",
    "Wonka Confections",
    "Gringotts Finance",
    "Pied Piper",
    "Massive Dynamic",
    "Oscorp",
    "Prestige Worldwide",
    "Dunder Mifflin",
    "Los Pollos Hermanos",
    "Café Amélie",
    "Nordlys AS",
];
const TAGS: &[&str] = &[
    "vip",
    "lead",
    "customer",
    "churn-risk",
    "trial",
    "partner",
    "newsletter",
    "event-2025",
    "referral",
    "support",
];
const TEAM: &[&str] = &[
    "ana@acme.test",
    "ben@acme.test",
    "chen@acme.test",
    "dara@acme.test",
    "eli@acme.test",
];
const LINES: &[&str] = &["+14155550100", "+14155550101", "+14155550102"];
const PLANS: &[&str] = &["Free", "Starter", "Growth", "Enterprise"];
const CITIES: &[&str] = &[
    "Austin",
    "Berlin",
    "São Paulo",
    "Lagos",
    "Tokyo",
    "Kraków",
    "Toronto",
    "Madrid",
    "Seoul",
];
const AREAS: &[u32] = &[212, 213, 305, 312, 404, 512, 617, 646, 702, 718, 917, 206];

fn pick<'a>(rng: &mut StdRng, from: &[&'a str]) -> &'a str {
    from[rng.random_range(0..from.len())]
}

fn contacts() -> Vec<Contact> {
    let mut rng = StdRng::seed_from_u64(0x5e2d_b1e5);
    let mut phones = HashSet::with_capacity(CONTACTS);
    let start = 1_704_067_200i64; // 2024-01-01T00:00:00Z
    let mut at = start;
    (0..CONTACTS)
        .map(|i| {
            let phone = loop {
                let area = AREAS[rng.random_range(0..AREAS.len())];
                let p = format!("+1{area}{:07}", rng.random_range(2_000_000..9_999_999));
                if phones.insert(p.clone()) {
                    break p;
                }
            };
            at += rng.random_range(1..600);
            let ntags = rng.random_range(0..=3);
            let mut tags: Vec<String> = (0..ntags)
                .map(|_| pick(&mut rng, TAGS).to_owned())
                .collect();
            tags.dedup();
            let mut vars = BTreeMap::new();
            vars.insert("Plan".to_owned(), pick(&mut rng, PLANS).to_owned());
            if rng.random_bool(0.6) {
                vars.insert("City".to_owned(), pick(&mut rng, CITIES).to_owned());
            }
            if rng.random_bool(0.3) {
                vars.insert("Seats".to_owned(), rng.random_range(1..500).to_string());
            }
            Contact {
                contact_id: Some(format!("c_{i:08x}")),
                phone,
                first_name: Some(pick(&mut rng, FIRST).to_owned()),
                last_name: rng
                    .random_bool(0.95)
                    .then(|| pick(&mut rng, LAST).to_owned()),
                company_name: rng
                    .random_bool(0.7)
                    .then(|| pick(&mut rng, COMPANIES).to_owned()),
                assigned_to_email: rng
                    .random_bool(0.7)
                    .then(|| pick(&mut rng, TEAM).to_owned()),
                sendblue_number: Some(pick(&mut rng, LINES).to_owned()),
                tags,
                custom_variables: vars,
                opt_out: Some(rng.random_bool(0.02)),
                verified: Some(rng.random_bool(0.3)),
                created_at: Some(iso(at)),
                extra: Default::default(),
            }
        })
        .collect()
}

/// Seconds since 1970 as `YYYY-MM-DDTHH:MM:SS.000Z` (civil-from-days, proleptic Gregorian).
fn iso(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.000Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

fn build() -> (tempfile::TempDir, Mirror) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mirror = Mirror::open(dir.path().join("mirror.db")).expect("open mirror");
    let rows = contacts();
    let began = Instant::now();
    for page in rows.chunks(1000) {
        mirror.upsert_many(page).expect("write page");
    }
    mirror.optimize().expect("analyze");
    eprintln!(
        "built a {}-contact mirror in {:.1} s ({:.0} contacts/s, {:.1} MB)",
        mirror.count().expect("count"),
        began.elapsed().as_secs_f64(),
        CONTACTS as f64 / began.elapsed().as_secs_f64(),
        std::fs::metadata(mirror.path())
            .map(|m| m.len())
            .unwrap_or(0) as f64
            / 1e6
    );
    (dir, mirror)
}

fn mirror_search(c: &mut Criterion) {
    let (_dir, mirror) = build();
    let page = |q: ContactQuery| ContactQuery { limit: 100, ..q };
    let text = page(ContactQuery {
        text: Some("garc".into()),
        ..ContactQuery::default()
    });
    let one_letter = page(ContactQuery {
        text: Some("m".into()),
        ..ContactQuery::default()
    });
    let phone = page(ContactQuery {
        text: Some("555 01".into()),
        ..ContactQuery::default()
    });
    let filtered = page(ContactQuery {
        tag: Some("vip".into()),
        opted_out: Some(false),
        ..ContactQuery::default()
    });
    let deep = page(ContactQuery {
        sort: ContactSortKey::Company,
        direction: SortDirection::Desc,
        offset: 50_000,
        ..ContactQuery::default()
    });
    let deep_by_name = page(ContactQuery {
        offset: 50_000,
        ..ContactQuery::default()
    });
    let counted = ContactQuery {
        tag: Some("customer".into()),
        verified: Some(true),
        sendblue_number: Some(LINES[0].into()),
        ..ContactQuery::default()
    };
    for (q, what) in [(&text, "text"), (&phone, "phone"), (&filtered, "filtered")] {
        let found = mirror.search(q).expect("search");
        assert!(
            found.total > 0 && !found.rows.is_empty(),
            "{what} found nothing"
        );
    }
    assert_eq!(mirror.search(&deep).expect("deep").rows.len(), 100);

    let mut group = c.benchmark_group("mirror_search_100k");
    group.bench_function("text search \"garc\", first page (100 by name)", |b| {
        b.iter(|| mirror.search(&text).expect("search"))
    });
    group.bench_function("type-ahead \"m\" (one letter), first page", |b| {
        b.iter(|| mirror.search(&one_letter).expect("search"))
    });
    group.bench_function("phone digits \"555 01\", first page", |b| {
        b.iter(|| mirror.search(&phone).expect("search"))
    });
    group.bench_function("filtered page (tag vip, not opted out)", |b| {
        b.iter(|| mirror.search(&filtered).expect("search"))
    });
    group.bench_function("deep page by name (offset 50,000)", |b| {
        b.iter(|| mirror.search(&deep_by_name).expect("search"))
    });
    group.bench_function("deep page by company desc (offset 50,000)", |b| {
        b.iter(|| mirror.search(&deep).expect("search"))
    });
    group.bench_function("count (tag customer, verified, one line)", |b| {
        b.iter(|| mirror.count_matching(&counted).expect("count"))
    });
    group.bench_function("tags with counts", |b| {
        b.iter(|| mirror.tags().expect("tags"))
    });
    group.finish();
}

criterion_group!(benches, mirror_search);
criterion_main!(benches);
