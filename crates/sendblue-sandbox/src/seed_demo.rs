//! The demo account for `--seed-demo`, drawn from a fixed random seed so every demo database
//! holds the same data (only the timestamps move: they are placed relative to the moment of
//! seeding, so the conversations always look recent).
//!
//! What it adds (on top of the account and its three lines):
//! - [`CONTACTS`] contacts with names, companies, tags, custom variables (`Plan`, `City`,
//!   `Renewal date`, `Seats`, `Source`), most assigned to a teammate; [`OPTED_OUT`] of them
//!   opted out;
//! - [`CONVERSATIONS`] 1:1 conversations on the base lines (outbound `DELIVERED`, inbound
//!   `RECEIVED`), some carrying pictures, and one group conversation;
//! - webhooks on `https://hooks.acme.test/…` (never delivered: `.test` hosts are skipped) and
//!   a `globalSecret`;
//! - a contact-sharing profile with a photo on `+14155550100`.
//!
//! Media: the pictures are real PNG files in the media folder with rows in `media`. Their
//! URLs are stored origin-relative (`/media/<id>`), because the origin changes from run to run
//! (port 0): whoever writes a stored media URL into an answer prefixes the current origin
//! when it starts with `/`.

mod conversations;
mod png;
mod words;

use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, RngCore, SeedableRng};
use rusqlite::{params, Transaction};
use serde_json::{json, Map, Value};

use crate::state::AppState;
use crate::store::Store;
use crate::util::{iso, now_ms};
use words::{AREA_CODES, CITIES, COMPANIES, FIRST, LAST, PLANS, SOURCES, TAGS, TEAM};

/// The fixed seed: every demo database is the same.
const SEED: u64 = 0x5eed_de30;
/// How many contacts the demo has.
pub const CONTACTS: usize = 400;
/// How many of them are opted out.
pub const OPTED_OUT: usize = 8;
/// How many 1:1 conversations it has (plus one group conversation).
pub const CONVERSATIONS: usize = 20;
/// The line carrying the contact-sharing profile.
pub const SHARING_LINE: &str = "+14155550100";
/// The webhook `globalSecret`.
pub const GLOBAL_SECRET: &str = "whs_global_9d2f";

const DAY_MS: i64 = 86_400_000;

/// Adds the demo account's contacts, conversations, webhooks and sharing profile.
pub fn seed(state: &AppState) -> rusqlite::Result<()> {
    let mut rng = StdRng::seed_from_u64(SEED);
    let now = now_ms();
    let media_dir = state.config.media_dir();
    let pictures = pictures(&mut rng, now);
    for picture in &pictures {
        if let Err(e) = std::fs::write(media_dir.join(&picture.id), &picture.bytes) {
            tracing::warn!(error = %e, "could not write a demo picture");
        }
    }
    let contacts = contacts(&mut rng, now);
    let plan = conversations::plan(&mut rng, now, &contacts, &pictures);
    state.store.tx(|tx| {
        insert_media(tx, &pictures)?;
        insert_contacts(tx, &contacts)?;
        conversations::insert(tx, &plan)?;
        insert_webhooks(tx)?;
        insert_sharing_profile(tx, &pictures[0], now)
    })
}

/// One demo contact.
#[derive(Debug, Clone)]
pub(crate) struct DemoContact {
    pub id: String,
    pub phone: String,
    pub first_name: String,
    pub last_name: String,
    pub company: String,
    pub assigned_to: String,
    pub line: &'static str,
    pub tags: Vec<&'static str>,
    pub custom: Map<String, Value>,
    pub verified: bool,
    pub opted_out: bool,
    pub created_ms: i64,
}

/// One demo picture: a PNG file and its `media` row.
#[derive(Debug, Clone)]
pub(crate) struct Picture {
    pub id: String,
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub created_ms: i64,
}

impl Picture {
    /// The origin-relative URL stored in rows.
    pub fn path(&self) -> String {
        format!("/media/{}", self.id)
    }
}

const LINES: [&str; 3] = ["+14155550100", "+14155550101", "+14155550102"];

/// A deterministic id of 16 hex digits.
pub(crate) fn hex16(rng: &mut StdRng) -> String {
    format!("{:016x}", rng.next_u64())
}

/// A deterministic UUID v4 (lower case).
pub(crate) fn uuid(rng: &mut StdRng) -> String {
    let mut b = [0u8; 16];
    rng.fill_bytes(&mut b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

fn contacts(rng: &mut StdRng, now: i64) -> Vec<DemoContact> {
    let mut phones: Vec<String> = AREA_CODES
        .iter()
        .flat_map(|area| (0..100).map(move |n| format!("+1{area}55501{n:02}")))
        .collect();
    phones.shuffle(rng);
    let mut out: Vec<DemoContact> = phones
        .into_iter()
        .take(CONTACTS)
        .map(|phone| {
            let first_name = FIRST.choose(rng).copied().unwrap_or("Alex").to_owned();
            let last_name = LAST.choose(rng).copied().unwrap_or("Doe").to_owned();
            let company = if rng.random_bool(0.7) {
                COMPANIES.choose(rng).copied().unwrap_or("").to_owned()
            } else {
                String::new()
            };
            let assigned_to = if rng.random_bool(0.7) {
                TEAM.choose(rng).copied().unwrap_or("").to_owned()
            } else {
                String::new()
            };
            let line = *[LINES[0], LINES[0], LINES[0], LINES[1], LINES[2]]
                .choose(rng)
                .unwrap_or(&LINES[0]);
            let tag_count = rng.random_range(0..=3);
            let mut tags: Vec<&'static str> =
                TAGS.choose_multiple(rng, tag_count).copied().collect();
            tags.sort_unstable();
            let custom = custom_variables(rng, now);
            DemoContact {
                id: format!("c_{}", hex16(rng)),
                phone,
                first_name,
                last_name,
                company,
                assigned_to,
                line,
                tags,
                custom,
                verified: rng.random_bool(0.3),
                opted_out: false,
                created_ms: now - rng.random_range(25 * DAY_MS..180 * DAY_MS),
            }
        })
        .collect();
    // Creation order is the order of `seq`: oldest first.
    out.sort_by_key(|c| c.created_ms);
    // Opt-outs are taken from the end (newest), away from the conversations' partners, which
    // are picked among the oldest.
    let n = out.len();
    for c in out.iter_mut().skip(n - OPTED_OUT) {
        c.opted_out = true;
    }
    out
}

fn custom_variables(rng: &mut StdRng, now: i64) -> Map<String, Value> {
    let mut custom = Map::new();
    if rng.random_bool(0.15) {
        return custom;
    }
    custom.insert(
        "Plan".into(),
        json!(PLANS.choose(rng).copied().unwrap_or("Starter")),
    );
    custom.insert(
        "City".into(),
        json!(CITIES.choose(rng).copied().unwrap_or("Austin")),
    );
    if rng.random_bool(0.6) {
        let renewal = now + rng.random_range(5 * DAY_MS..360 * DAY_MS);
        custom.insert("Renewal date".into(), json!(&iso(renewal)[..10]));
    }
    if rng.random_bool(0.4) {
        custom.insert("Seats".into(), json!(rng.random_range(1..60).to_string()));
    }
    if rng.random_bool(0.5) {
        custom.insert(
            "Source".into(),
            json!(SOURCES.choose(rng).copied().unwrap_or("Website")),
        );
    }
    custom
}

/// Six small pictures: gradients, stripes and a checkerboard in seeded colours.
fn pictures(rng: &mut StdRng, now: i64) -> Vec<Picture> {
    (0..6)
        .map(|i| {
            let a: [u8; 3] = [rng.random(), rng.random(), rng.random()];
            let b: [u8; 3] = [rng.random(), rng.random(), rng.random()];
            let mix = move |t: u32, span: u32| -> [u8; 3] {
                let t = t.min(span) as i32;
                let span = span.max(1) as i32;
                let ch = |k: usize| (a[k] as i32 + (b[k] as i32 - a[k] as i32) * t / span) as u8;
                [ch(0), ch(1), ch(2)]
            };
            let bytes = match i % 3 {
                0 => png::encode(96, 72, move |x, y| mix(x + y, 96 + 72)),
                1 => png::encode(96, 72, move |x, _| if (x / 12) % 2 == 0 { a } else { b }),
                _ => png::encode(96, 72, move |x, y| {
                    if (x / 12 + y / 12) % 2 == 0 {
                        a
                    } else {
                        mix(y, 72)
                    }
                }),
            };
            Picture {
                id: format!("demo_{}", hex16(rng)),
                file_name: format!("photo-{}.png", i + 1),
                bytes,
                created_ms: now - rng.random_range(22 * DAY_MS..30 * DAY_MS),
            }
        })
        .collect()
}

fn insert_media(tx: &Transaction<'_>, pictures: &[Picture]) -> rusqlite::Result<()> {
    for p in pictures {
        tx.execute(
            "INSERT OR IGNORE INTO media (id, file_name, content_type, size, source_url, created_at)
             VALUES (?1, ?2, 'image/png', ?3, NULL, ?4)",
            params![p.id, p.file_name, p.bytes.len() as i64, iso(p.created_ms)],
        )?;
    }
    Ok(())
}

fn insert_contacts(tx: &Transaction<'_>, contacts: &[DemoContact]) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare(
        "INSERT OR IGNORE INTO contacts (contact_id, phone, first_name, last_name, company_name,
            assigned_to_email, sendblue_number, tags, custom_variables, verified, created_at, seq)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for c in contacts {
        let seq = Store::next_seq(tx, "contact_seq")?;
        stmt.execute(params![
            c.id,
            c.phone,
            c.first_name,
            c.last_name,
            c.company,
            c.assigned_to,
            c.line,
            Value::from(c.tags.clone()).to_string(),
            Value::Object(c.custom.clone()).to_string(),
            c.verified,
            iso(c.created_ms),
            seq,
        ])?;
        if c.opted_out {
            tx.execute(
                "INSERT OR IGNORE INTO opt_outs (phone, opted_out, updated_at) VALUES (?1, 1, ?2)",
                params![c.phone, iso(c.created_ms + DAY_MS)],
            )?;
        }
    }
    Ok(())
}

/// The demo's webhooks: receive (one per-line entry with its own secret), outbound, typing
/// and contact_created, all on `hooks.acme.test`; and the global secret unless one is set.
fn insert_webhooks(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let hooks: [(&str, &str, Option<&str>, Option<&str>); 5] = [
        ("receive", "https://hooks.acme.test/sb/in", None, None),
        (
            "receive",
            "https://hooks.acme.test/sb/in-line2",
            Some("whs_line2"),
            Some(r#"["+14155550101"]"#),
        ),
        ("outbound", "https://hooks.acme.test/sb/status", None, None),
        (
            "typing_indicator",
            "https://hooks.acme.test/sb/typing",
            None,
            None,
        ),
        (
            "contact_created",
            "https://hooks.acme.test/sb/contacts",
            None,
            None,
        ),
    ];
    for (kind, url, secret, numbers) in hooks {
        let plain = secret.is_none() && numbers.is_none();
        tx.execute(
            "INSERT OR IGNORE INTO webhooks (type, url, secret, sendblue_numbers, plain)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![kind, url, secret, numbers, plain],
        )?;
    }
    tx.execute(
        "UPDATE account SET global_secret = ?1 WHERE id = 1 AND global_secret IS NULL",
        [GLOBAL_SECRET],
    )?;
    Ok(())
}

fn insert_sharing_profile(tx: &Transaction<'_>, photo: &Picture, now: i64) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT OR IGNORE INTO sharing_profiles (from_number, first_name, last_name, display_name,
            photo_url, photo_media_id, sharing_enabled, updated_at)
         VALUES (?1, 'Acme', 'Support', 'Acme Support', ?2, ?3, 1, ?4)",
        params![SHARING_LINE, photo.path(), photo.id, iso(now - 20 * DAY_MS)],
    )?;
    Ok(())
}
