//! The demo's conversations: short scripted exchanges with some contacts on their lines, and
//! one group chat. Services follow the sandbox's per-number rule (last digit even: iMessage;
//! 9 on a V2 line: RCS; otherwise SMS, outbound sends marked downgraded).

use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::Rng;
use rusqlite::{params, Transaction};
use serde_json::Value;

use super::{uuid, DemoContact, Picture, CONVERSATIONS, DAY_MS};
use crate::store::Store;
use crate::util::iso;

/// One line of a script: outbound?, text, carries a picture?
type Line = (bool, &'static str, bool);

const SCRIPTS: &[&[Line]] = &[
    &[
        (
            true,
            "Hi {first}, your appointment is confirmed for Thursday at 3 PM.",
            false,
        ),
        (false, "Thanks! Can I bring my partner along?", false),
        (true, "Of course, see you both Thursday.", false),
        (false, "Perfect 👍", false),
    ],
    &[
        (false, "Hey, is the blue one still available?", false),
        (true, "It is! Here's a photo of it in the showroom.", true),
        (false, "Love it. Can you hold it until Saturday?", false),
        (true, "Done — it's on hold under your name, {first}.", false),
        (false, "Amazing, thank you!", false),
    ],
    &[
        (
            true,
            "Hi {first}, your {company} renewal is coming up next month. Want to review the plan?",
            false,
        ),
        (
            false,
            "Yes please. We added a few people this quarter.",
            false,
        ),
        (
            true,
            "Great, I'll send over a quote for the extra seats today.",
            false,
        ),
        (false, "Sounds good", false),
        (
            true,
            "Quote sent to your inbox. Let me know if anything looks off.",
            false,
        ),
    ],
    &[
        (
            false,
            "My order hasn't arrived yet, tracking hasn't moved since Monday",
            false,
        ),
        (
            true,
            "Sorry about that {first}! Checking with the carrier now.",
            false,
        ),
        (
            true,
            "Update: it's out for delivery today. Here's the proof of dispatch.",
            true,
        ),
        (false, "Got it, thanks for chasing", false),
    ],
    &[
        (
            true,
            "Welcome to the trial, {first}! Reply here any time if you get stuck.",
            false,
        ),
        (false, "Thanks. How do I import my contacts?", false),
        (
            true,
            "Settings → Import → choose your CSV. Takes about a minute.",
            false,
        ),
        (false, "Worked perfectly", false),
        (false, "Here's what it looks like on my side", true),
        (true, "Looks great! 🎉", false),
    ],
    &[
        (false, "Are you open on Sunday?", false),
        (true, "We are, 10 AM to 4 PM.", false),
        (false, "Great, see you then", false),
    ],
    &[
        (
            true,
            "Hi {first}, just checking in after last week's visit. How is everything?",
            false,
        ),
        (false, "All good so far, thanks for asking!", false),
        (
            true,
            "Glad to hear it. Here's the care sheet we mentioned.",
            true,
        ),
    ],
    &[
        (false, "Can we move tomorrow's call to 2pm?", false),
        (true, "2 PM works. Updated the invite.", false),
        (false, "Thank you!", false),
        (true, "Talk tomorrow, {first}.", false),
    ],
];

const GROUP_SCRIPT: &[(usize, &str, bool)] = &[
    // (who: 0 = us, n = member n), text, picture
    (
        0,
        "Hi all — the spring offsite is booked for the 14th. Venue photo below!",
        true,
    ),
    (1, "Looks great!", false),
    (2, "Can we do a vegetarian option for lunch?", false),
    (0, "Already on the menu 🥗", false),
    (3, "I'll drive, room for two more", false),
    (1, "Count me in", false),
];

/// A message to store.
#[derive(Debug, Clone)]
pub(crate) struct DemoMessage {
    handle: String,
    content: String,
    media_url: String,
    outbound: bool,
    service: &'static str,
    message_type: &'static str,
    from: String,
    to: String,
    number: String,
    line: &'static str,
    group: Option<(String, String)>,
    participants: Vec<String>,
    downgraded: Option<bool>,
    at_ms: i64,
}

/// The group chat to store.
#[derive(Debug, Clone)]
pub(crate) struct DemoGroup {
    id: String,
    name: String,
    line: &'static str,
    members: Vec<String>,
    created_ms: i64,
}

/// Everything conversational the demo stores.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    messages: Vec<DemoMessage>,
    group: DemoGroup,
}

/// The service between `number` and `line` (the sandbox's own rule), and whether an outbound
/// send was downgraded.
fn service(number: &str, line: &str) -> (&'static str, bool) {
    crate::routes::service_rule::service_on(number, line == super::LINES[0])
}

/// Draws the conversations and the group chat.
pub(crate) fn plan(
    rng: &mut StdRng,
    now: i64,
    contacts: &[DemoContact],
    pictures: &[Picture],
) -> Plan {
    let reachable: Vec<&DemoContact> = contacts.iter().filter(|c| !c.opted_out).collect();
    let partners: Vec<&DemoContact> = reachable
        .choose_multiple(rng, CONVERSATIONS)
        .copied()
        .collect();
    let mut messages = Vec::new();
    for contact in partners {
        let script = SCRIPTS.choose(rng).copied().unwrap_or(SCRIPTS[0]);
        let gaps: Vec<i64> = script
            .iter()
            .map(|_| rng.random_range(60_000..4 * 3_600_000))
            .collect();
        let mut at = now - rng.random_range(600_000..20 * DAY_MS) - gaps.iter().sum::<i64>();
        let (svc, downgrade) = service(&contact.phone, contact.line);
        for ((outbound, text, media), gap) in script.iter().zip(gaps) {
            at += gap;
            let company = if contact.company.is_empty() {
                String::new()
            } else {
                format!("{} ", contact.company)
            };
            let content = text
                .replace("{first}", &contact.first_name)
                .replace("{company} ", &company);
            let media_url = if *media {
                pictures.choose(rng).map(Picture::path).unwrap_or_default()
            } else {
                String::new()
            };
            messages.push(one_to_one(
                rng, contact, *outbound, content, media_url, svc, downgrade, at,
            ));
        }
    }
    let group = group(rng, now, contacts);
    let mut at = group.created_ms;
    for (who, text, media) in GROUP_SCRIPT {
        at += rng.random_range(120_000..3 * 3_600_000);
        let from = if *who == 0 {
            group.line.to_owned()
        } else {
            group.members[(*who - 1) % group.members.len()].clone()
        };
        let mut participants = group.members.clone();
        participants.push(group.line.to_owned());
        let media_url = if *media {
            pictures.last().map(Picture::path).unwrap_or_default()
        } else {
            String::new()
        };
        let outbound = *who == 0;
        messages.push(DemoMessage {
            handle: handle(rng, outbound),
            content: (*text).to_owned(),
            media_url,
            outbound,
            service: "iMessage",
            message_type: "group",
            to: if outbound {
                group.members[0].clone()
            } else {
                group.line.to_owned()
            },
            number: if outbound {
                group.members[0].clone()
            } else {
                from.clone()
            },
            from,
            line: group.line,
            group: Some((group.id.clone(), group.name.clone())),
            participants,
            downgraded: outbound.then_some(false),
            at_ms: at,
        });
    }
    // Stored in time order so creation sequence numbers follow the clock.
    messages.sort_by_key(|m| m.at_ms);
    Plan { messages, group }
}

#[allow(clippy::too_many_arguments)]
fn one_to_one(
    rng: &mut StdRng,
    contact: &DemoContact,
    outbound: bool,
    content: String,
    media_url: String,
    service: &'static str,
    downgrade: bool,
    at_ms: i64,
) -> DemoMessage {
    let (from, to) = if outbound {
        (contact.line.to_owned(), contact.phone.clone())
    } else {
        (contact.phone.clone(), contact.line.to_owned())
    };
    DemoMessage {
        handle: handle(rng, outbound),
        content,
        media_url,
        outbound,
        service,
        message_type: "message",
        from,
        to,
        number: contact.phone.clone(),
        line: contact.line,
        group: None,
        participants: if outbound {
            Vec::new()
        } else {
            vec![contact.phone.clone(), contact.line.to_owned()]
        },
        downgraded: outbound.then_some(downgrade),
        at_ms,
    }
}

/// Outbound handles are lower-case UUIDs, inbound ones Apple-style upper case.
fn handle(rng: &mut StdRng, outbound: bool) -> String {
    let id = uuid(rng);
    if outbound {
        id
    } else {
        id.to_uppercase()
    }
}

/// A group on the V2 line with three iMessage contacts.
fn group(rng: &mut StdRng, now: i64, contacts: &[DemoContact]) -> DemoGroup {
    let line = super::LINES[0];
    let candidates: Vec<&DemoContact> = contacts
        .iter()
        .filter(|c| !c.opted_out && service(&c.phone, line).0 == "iMessage")
        .collect();
    let members = candidates
        .choose_multiple(rng, 3)
        .map(|c| c.phone.clone())
        .collect();
    DemoGroup {
        id: uuid(rng),
        name: "Spring offsite crew".to_owned(),
        line,
        members,
        created_ms: now - 12 * DAY_MS,
    }
}

/// Writes the plan.
pub(crate) fn insert(tx: &Transaction<'_>, plan: &Plan) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare(
        "INSERT OR IGNORE INTO messages (message_handle, content, media_url, is_outbound, status,
            service, message_type, from_number, to_number, number, sendblue_number, group_id,
            group_display_name, participants, was_downgraded, date_created, date_updated, seq)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
    )?;
    for m in &plan.messages {
        let seq = Store::next_seq(tx, "message_seq")?;
        let (group_id, group_name) = match &m.group {
            Some((id, name)) => (id.as_str(), Some(name.as_str())),
            None => ("", None),
        };
        // Outbound messages were delivered a few seconds after they were sent.
        let updated = if m.outbound { m.at_ms + 3_500 } else { m.at_ms };
        stmt.execute(params![
            m.handle,
            m.content,
            m.media_url,
            m.outbound,
            if m.outbound { "DELIVERED" } else { "RECEIVED" },
            m.service,
            m.message_type,
            m.from,
            m.to,
            m.number,
            m.line,
            group_id,
            group_name,
            Value::from(m.participants.clone()).to_string(),
            m.downgraded,
            iso(m.at_ms),
            iso(updated),
            seq,
        ])?;
    }
    let g = &plan.group;
    let latest = plan
        .messages
        .iter()
        .rev()
        .find(|m| m.group.as_ref().is_some_and(|(id, _)| *id == g.id));
    tx.execute(
        "INSERT OR IGNORE INTO groups (group_id, group_name, from_number, latest_message_id,
            latest_comm_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5)",
        params![
            g.id,
            g.name,
            g.line,
            latest.map(|m| m.handle.clone()),
            latest
                .map(|m| iso(m.at_ms))
                .unwrap_or_else(|| iso(g.created_ms)),
            iso(g.created_ms),
        ],
    )?;
    for (position, number) in g.members.iter().enumerate() {
        tx.execute(
            "INSERT OR IGNORE INTO group_members (group_id, number, position) VALUES (?1, ?2, ?3)",
            params![g.id, number, position as i64],
        )?;
    }
    Ok(())
}
