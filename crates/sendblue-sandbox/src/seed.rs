//! What every new database starts with — the account and its three lines — and, with
//! `--seed-demo`, the demo account (see `seed_demo.rs`).

use rusqlite::params;

use crate::state::AppState;
use crate::util::now_iso;

/// The account's email in every sandbox.
pub const ACCOUNT_EMAIL: &str = "ops@sandbox.sendblue.test";
/// The account's plan: the one that may buy lines through the API (§14.1).
pub const PLAN: &str = "inbound_only";

/// A line every new database has.
#[derive(Debug, Clone, Copy)]
pub struct BaseLine {
    /// E.164 number.
    pub number: &'static str,
    /// Worker (Mac) id.
    pub worker_id: &'static str,
    /// `v2` lines are Mac-based: carousels, contact sharing, read receipts, FaceTime.
    pub v2: bool,
    /// `assigned` or `shared`.
    pub assignment: &'static str,
}

/// The three lines of every new sandbox. The first can send carousels and carry a
/// contact-sharing profile.
pub const BASE_LINES: [BaseLine; 3] = [
    BaseLine {
        number: "+14155550100",
        worker_id: "w_mac_0100",
        v2: true,
        assignment: "assigned",
    },
    BaseLine {
        number: "+14155550101",
        worker_id: "w_0101",
        v2: false,
        assignment: "assigned",
    },
    BaseLine {
        number: "+14155550102",
        worker_id: "w_0102",
        v2: false,
        assignment: "shared",
    },
];

/// Gives a new database its account and lines, and the demo data when asked; does nothing to
/// a database that already has them.
pub fn prepare(state: &AppState) -> rusqlite::Result<()> {
    let now = now_iso();
    state.store.tx(|tx| -> rusqlite::Result<()> {
        tx.execute(
            "INSERT OR IGNORE INTO account (id, email, plan, global_secret) VALUES (1, ?1, ?2, NULL)",
            params![ACCOUNT_EMAIL, PLAN],
        )?;
        let has_lines: i64 = tx.query_row("SELECT COUNT(*) FROM lines", [], |r| r.get(0))?;
        if has_lines == 0 {
            for line in BASE_LINES {
                tx.execute(
                    "INSERT INTO lines (number, worker_id, kind, assignment, status, status_changed_at,
                        read_receipts, carousel, contact_sharing, facetime, created_at)
                     VALUES (?1, ?2, ?3, ?4, 'ONLINE', ?5, ?6, ?6, ?6, ?6, ?5)",
                    params![
                        line.number,
                        line.worker_id,
                        if line.v2 { "v2" } else { "v1" },
                        line.assignment,
                        now,
                        line.v2 as i64,
                    ],
                )?;
            }
        }
        Ok(())
    })?;
    if state.config.seed_demo && state.store.meta("demo_seeded")?.is_none() {
        crate::seed_demo::seed(state)?;
        state.store.set_meta("demo_seeded", &now)?;
    }
    Ok(())
}
