//! Whole-app benchmark figures, measured in the real window (issue 7: "scrolls smoothly
//! through 100,000 contacts"). Not tests: they print figures and assert only that the
//! measurement could be made. Run them with `scripts/bench-app` (Xvfb, D-Bus session,
//! gnome-keyring, the release app); plain `cargo test` skips them (`#[ignore]`) and
//! `scripts/e2e` leaves them out (`--skip bench_`).
//!
//! Every time inside the page is taken with `performance.now()` and `requestAnimationFrame`
//! in the page itself (a frame later than the DOM change, so "shown" means painted at the next
//! frame), never by polling over WebDriver; times that span processes (launch, sync) are taken
//! in the test with `Instant`.

use std::time::{Duration, Instant};

use e2e::fantoccini::wd::TimeoutConfiguration;
use e2e::{tid, App, Sandbox};
use sendblue_client::models::contacts::BulkContact;
use serde_json::{json, Value};

/// Cold launches measured (median reported).
const COLD_RUNS: usize = 3;
/// Contacts in the big account.
const BIG: usize = 100_000;
/// Contacts per `POST /api/v2/contacts/bulk` (the emulator's cap).
const BATCH: usize = 1_000;
/// Bulk requests in flight at once while filling the account.
const IN_FLIGHT: usize = 4;
/// Scroll steps from top to bottom (and as many back): 100 in all.
const SCROLL_STEPS: usize = 50;
/// Frames watched with nothing changing, for the window's own frame interval.
const IDLE_FRAMES: usize = 40;
/// Frames of the wheel-like scroll (3 rows each).
const WHEEL_STEPS: usize = 150;
/// Rounds through every page of the sidebar.
const SWITCH_ROUNDS: usize = 3;
/// Every 1000th contact has this last name: a search with 100 matches.
const RARE_NAME: &str = "Zephyrine";

const KEY_ID: &str = "bench-key";
const SECRET: &str = "bench-secret-100k";
const PROFILE: &str = "Bench 100k";

// ---- figures --------------------------------------------------------------------------------

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (p / 100.0 * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn sorted(values: &[f64]) -> Vec<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    v.sort_by(|a, b| a.total_cmp(b));
    v
}

fn median(values: &[f64]) -> f64 {
    percentile(&sorted(values), 50.0)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn fmt_ms(v: f64) -> String {
    if v.is_finite() {
        format!("{v:.0} ms")
    } else {
        "not reached".to_owned()
    }
}

/// Prints a two-column table under a heading.
fn print_table(title: &str, rows: &[(String, String)]) {
    let width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(10);
    eprintln!();
    eprintln!("==== {title} ====");
    for (k, v) in rows {
        eprintln!("  {k:<width$}  {v}");
    }
    eprintln!();
}

async fn run_js(app: &App, script: &str, args: Vec<Value>) -> Value {
    match app.script(script, args).await {
        Ok(v) => v,
        Err(e) => app.fail(format!("a measuring script failed: {e}")).await,
    }
}

/// Lets measuring scripts run for up to five minutes (WebDriver's default is shorter).
async fn long_scripts(app: &App) {
    let timeouts = TimeoutConfiguration::new(Some(Duration::from_secs(300)), None, None);
    if let Err(e) = app.client().update_timeouts(timeouts).await {
        app.fail(format!("setting the script timeout failed: {e}"))
            .await
    }
}

fn num(v: &Value, key: &str) -> f64 {
    v.get(key).and_then(Value::as_f64).unwrap_or(f64::NAN)
}

// ---- in-page measuring scripts ------------------------------------------------------------

/// Resolves with `performance.now()` at the first frame the Overview's contact count shows
/// digits (null after 60 s).
const WAIT_COUNT_JS: &str = r#"
return new Promise((resolve) => {
  const check = () => {
    const el = document.querySelector('[data-testid="overview-contact-count"]');
    const text = el ? (el.innerText || el.textContent || "").trim() : "";
    if (/^[0-9][0-9,.\s]*$/.test(text)) return resolve({ at: performance.now(), text });
    if (performance.now() > 60000) return resolve(null);
    requestAnimationFrame(check);
  };
  check();
});
"#;

/// Shared by the table scripts: the table's scroll box and what its visible rows are.
const TABLE_HELPERS_JS: &str = r#"
const box = () => document.querySelector('[data-testid="contacts-table"] .contacts-table__scroll');
const visibleRows = (sc) => {
  const b = sc.getBoundingClientRect();
  let real = 0, loading = 0, first = null;
  for (const row of sc.querySelectorAll('[role="row"]')) {
    const r = row.getBoundingClientRect();
    if (r.bottom <= b.top + 1 || r.top >= b.bottom - 1) continue;
    if (row.querySelector('[data-testid="contact-row-loading"]')) { loading++; continue; }
    if (row.getAttribute('data-testid') === 'contact-row') {
      real++;
      const i = Number(row.getAttribute('aria-rowindex')) - 2;
      if (first === null || i < first) first = i;
    }
  }
  return { real, loading, first };
};
const frame = () => new Promise((r) => requestAnimationFrame(r));
"#;

/// `arguments[0]`: a fraction of the scroll range. Jumps there and resolves with the time
/// until the rows on screen are real rows (no placeholder) at the new position.
const JUMP_JS: &str = r#"
const fraction = arguments[0];
return (async () => {
  const sc = box();
  await frame();
  const max = sc.scrollHeight - sc.clientHeight;
  const t0 = performance.now();
  sc.scrollTop = Math.round(max * fraction);
  const expected = Math.floor(sc.scrollTop / 44);
  let sawPlaceholders = false;
  for (;;) {
    await frame();
    const now = performance.now();
    const v = visibleRows(sc);
    if (v.loading > 0) sawPlaceholders = true;
    if (v.real > 0 && v.loading === 0 && v.first !== null && Math.abs(v.first - expected) <= 2) {
      return { ms: now - t0, expected, first: v.first, rows: v.real, sawPlaceholders };
    }
    if (now - t0 > 30000) return { ms: null, expected, first: v.first, rows: v.real, loading: v.loading };
  }
})();
"#;

/// `arguments[0]`: steps. Scrolls from the top to the bottom and back in that many steps
/// each way, waiting two frames per step, recording every frame interval and how many
/// steps still showed placeholder rows after their two frames.
const SCROLL_JS: &str = r#"
const steps = arguments[0];
return (async () => {
  const sc = box();
  sc.scrollTop = 0;
  await frame(); await frame();
  const max = sc.scrollHeight - sc.clientHeight;
  const frames = [];
  let last = null, running = true;
  const tick = (t) => {
    if (last !== null) frames.push(t - last);
    last = t;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const positions = [];
  for (let i = 1; i <= steps; i++) positions.push(i / steps);
  for (let i = steps - 1; i >= 0; i--) positions.push(i / steps);
  let blankSteps = 0, blankRows = 0, shownRows = 0;
  const t0 = performance.now();
  for (const f of positions) {
    sc.scrollTop = Math.round(max * f);
    await frame(); await frame();
    const v = visibleRows(sc);
    if (v.loading > 0) blankSteps++;
    blankRows += v.loading;
    shownRows += v.real + v.loading;
  }
  const total = performance.now() - t0;
  running = false;
  await frame();
  return { frames, blankSteps, blankRows, shownRows, steps: positions.length, ms: total, max };
})();
"#;

/// `arguments[0]`: steps. Scrolls the way a mouse wheel or trackpad does: from the middle of
/// the table, 3 rows (132 px) down per frame for that many frames (crossing pages the page has
/// not fetched yet), recording every frame interval and how many frames showed placeholder rows.
const WHEEL_JS: &str = r#"
const steps = arguments[0];
return (async () => {
  const sc = box();
  const max = sc.scrollHeight - sc.clientHeight;
  sc.scrollTop = Math.round(max * 0.6);
  for (let i = 0; i < 30; i++) {
    await frame();
    if (visibleRows(sc).loading === 0 && visibleRows(sc).real > 0) break;
  }
  await frame();
  const frames = [];
  let blankSteps = 0, blankRows = 0, shownRows = 0;
  let last = await frame();
  const t0 = last;
  for (let i = 0; i < steps; i++) {
    sc.scrollTop = sc.scrollTop + 132;
    const t = await frame();
    frames.push(t - last);
    last = t;
    const v = visibleRows(sc);
    if (v.loading > 0) blankSteps++;
    blankRows += v.loading;
    shownRows += v.real + v.loading;
  }
  return { frames, blankSteps, blankRows, shownRows, steps, ms: last - t0 };
})();
"#;

/// `arguments[0]`: frames. The interval between that many frames while nothing changes: what
/// the window and machine manage on their own (the floor for the scroll's frame times).
const IDLE_JS: &str = r#"
const count = arguments[0];
return (async () => {
  await frame();
  const frames = [];
  let last = await frame();
  for (let i = 0; i < count; i++) {
    const t = await frame();
    frames.push(t - last);
    last = t;
  }
  return frames;
})();
"#;

/// `arguments[0]`: search text, `arguments[1]`: the expected number of matches. Types the
/// text the way React sees typing and resolves with the time until the total shows that
/// number and the rows on screen are real rows.
const SEARCH_JS: &str = r#"
const text = arguments[0], expected = arguments[1];
return (async () => {
  const input = document.querySelector('input[data-testid="contacts-search"]')
    || document.querySelector('[data-testid="contacts-search"] input');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
  await frame();
  const t0 = performance.now();
  setValue.call(input, text);
  input.dispatchEvent(new Event("input", { bubbles: true }));
  for (;;) {
    await frame();
    const now = performance.now();
    const totalEl = document.querySelector('[data-testid="contacts-total"]');
    const digits = totalEl ? (totalEl.innerText || "").replace(/[^0-9]/g, "") : "";
    const sc = box();
    const v = sc ? visibleRows(sc) : { real: 0, loading: 0 };
    const wantRows = expected > 0 ? v.real > 0 : true;
    if (digits === String(expected) && wantRows && v.loading === 0) {
      return { ms: now - t0, rows: v.real };
    }
    if (now - t0 > 30000) return { ms: null, total: digits, rows: v.real, loading: v.loading };
  }
})();
"#;

/// `arguments[0]`: a nav id, `arguments[1]`: that page's root test id. Clicks the sidebar
/// link and resolves with the time until the page's root is painted (`shown`) and until it
/// holds no skeleton or busy region (`settled`, null when not within 5 s).
const SWITCH_JS: &str = r#"
const id = arguments[0], rootId = arguments[1];
return (async () => {
  await frame();
  const link = document.querySelector(`[data-testid="nav-${id}"]`);
  const t0 = performance.now();
  link.click();
  let shown = null;
  for (;;) {
    await frame();
    const now = performance.now();
    const root = document.querySelector(`[data-testid="${rootId}"]`);
    if (root && shown === null) shown = now - t0;
    if (root && !root.querySelector('[data-loading="true"], [aria-busy="true"]')) {
      return { shown, settled: now - t0 };
    }
    if (now - t0 > 5000) return { shown, settled: null };
  }
})();
"#;

/// `script` after the shared helpers.
fn with_helpers(script: &str) -> String {
    format!("{TABLE_HELPERS_JS}\n{script}")
}

/// The sidebar's pages, in order (`nav-<id>`).
async fn sidebar_pages(app: &App) -> Vec<String> {
    let ids = run_js(
        app,
        r#"return Array.from(document.querySelectorAll('[data-testid="sidebar"] [data-testid^="nav-"]'),
             (a) => a.getAttribute("data-testid").slice(4));"#,
        vec![],
    )
    .await;
    ids.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The test id of a page's root (docs/ui-contract.md).
fn page_root(id: &str) -> String {
    match id {
        "overview" | "contacts" | "settings" => id.to_owned(),
        "import" => "imports-page".to_owned(),
        other => format!("{other}-page"),
    }
}

// ---- 1. cold start --------------------------------------------------------------------------

/// Launch → the Overview's contact count shown, from fresh data folders each time.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "benchmark: needs a display, tauri-driver and the built app (run scripts/bench-app)"]
async fn bench_1_cold_start() {
    let mut wall = Vec::new();
    let mut in_page = Vec::new();
    let mut session = Vec::new();
    for run in 1..=COLD_RUNS {
        let t0 = Instant::now();
        let app = App::launch_as(&format!("bench_cold_start_{run}")).await;
        let up = t0.elapsed();
        long_scripts(&app).await;
        let seen = run_js(&app, WAIT_COUNT_JS, vec![]).await;
        let total = t0.elapsed();
        if seen.is_null() {
            app.fail("the Overview's contact count did not show within 60 s")
                .await
        }
        let at = num(&seen, "at");
        eprintln!(
            "[bench] cold start {run}: window + WebDriver session {:.0} ms, count {:?} at {:.0} ms \
             after the page started loading, {:.0} ms after launch",
            ms(up),
            seen.get("text"),
            at,
            ms(total)
        );
        session.push(ms(up));
        in_page.push(at);
        wall.push(ms(total));
        drop(app);
    }
    print_table(
        &format!("Cold start (median of {COLD_RUNS}, fresh data folders each)"),
        &[
            (
                "launch → contact count shown".to_owned(),
                format!("{}  (runs: {})", fmt_ms(median(&wall)), list(&wall)),
            ),
            (
                "  of which: launch → WebDriver session up".to_owned(),
                format!("{}  (runs: {})", fmt_ms(median(&session)), list(&session)),
            ),
            (
                "page load start → contact count shown".to_owned(),
                format!("{}  (runs: {})", fmt_ms(median(&in_page)), list(&in_page)),
            ),
        ],
    );
}

fn list(values: &[f64]) -> String {
    values
        .iter()
        .map(|v| format!("{v:.0}"))
        .collect::<Vec<_>>()
        .join(", ")
}

// ---- 2. contacts at 100,000 -----------------------------------------------------------------

fn big_contact(i: usize) -> BulkContact {
    const FIRST: [&str; 12] = [
        "Ava", "Ben", "Chloé", "Dmitri", "Emeka", "Fatima", "Grace", "Hiro", "Isla", "José", "Kai",
        "Lena",
    ];
    const LAST: [&str; 10] = [
        "Okafor", "Nguyen", "García", "Smith", "Kowalski", "Haddad", "Tanaka", "Müller", "Johnson",
        "Rossi",
    ];
    let mut c = BulkContact::new(format!("+1415{:07}", 2_000_000 + i));
    c.first_name = Some(FIRST[i % FIRST.len()].to_owned());
    c.last_name = Some(if i.is_multiple_of(1000) {
        RARE_NAME.to_owned()
    } else {
        LAST[(i / FIRST.len()) % LAST.len()].to_owned()
    });
    if i.is_multiple_of(3) {
        c.company_name = Some(format!("Company {}", i % 500));
    }
    if i.is_multiple_of(10) {
        c.tags = Some(vec!["vip".to_owned()]);
    }
    c
}

/// Fills the account behind `live` with [`BIG`] contacts through the bulk API.
async fn fill(live: &Sandbox) -> Duration {
    let started = Instant::now();
    let client = live.client();
    let mut set = tokio::task::JoinSet::new();
    let mut next = 0;
    while next < BIG || !set.is_empty() {
        while next < BIG && set.len() < IN_FLIGHT {
            let rows: Vec<BulkContact> = (next..(next + BATCH).min(BIG)).map(big_contact).collect();
            let client = client.clone();
            set.spawn(async move { client.contacts().bulk_create(&rows).await.map(|c| c.len()) });
            next += BATCH;
        }
        if let Some(done) = set.join_next().await {
            done.expect("bulk task")
                .unwrap_or_else(|e| panic!("bulk-creating contacts in the sandbox failed: {e}"));
        }
    }
    let count = client.contacts().count().await.expect("contacts count");
    assert_eq!(
        count, BIG as u64,
        "the sandbox account should hold {BIG} contacts"
    );
    started.elapsed()
}

/// `mirror_status` right now.
async fn mirror_status(app: &App) -> Value {
    app.invoke("mirror_status", json!({})).await
}

/// Polls `mirror_status` until no refresh runs, the mirror holds [`BIG`] contacts and
/// `last_synced` differs from `before`; returns when that was first seen.
async fn wait_synced(app: &App, before: &Value, limit: Duration) -> Instant {
    let deadline = Instant::now() + limit;
    loop {
        let s = mirror_status(app).await;
        let done = s.get("syncing") == Some(&Value::Bool(false))
            && s.get("contacts").and_then(Value::as_u64) == Some(BIG as u64)
            && s.get("last_synced") != Some(before)
            && !s.get("last_synced").is_none_or(Value::is_null);
        if done {
            return Instant::now();
        }
        if Instant::now() > deadline {
            app.fail(format!(
                "the mirror did not finish syncing within {limit:?}: {s}"
            ))
            .await
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The Contacts page over a 100,000-contact mirror: the sync, jumps, a scroll through the
/// whole table and back, and searches.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "benchmark: needs a display, tauri-driver and the built app (run scripts/bench-app)"]
async fn bench_2_contacts_100k() {
    let live = Sandbox::start(KEY_ID, SECRET).await;
    let filled = fill(&live).await;
    eprintln!(
        "[bench] {BIG} contacts bulk-created in the separate sandbox in {:.1} s",
        filled.as_secs_f64()
    );

    let mut app = App::launch_as("bench_contacts_100k").await;
    app.set_timeout(Duration::from_secs(60));
    long_scripts(&app).await;
    app.wait_for_text_eq("active-profile-kind", "Sandbox").await;

    // A profile for that account, added the way a person does.
    app.fill_new_profile(PROFILE, &live.base_url(), KEY_ID, SECRET, "Live")
        .await;
    app.click("profile-form-test").await;
    app.wait_for("profile-form-result").await;
    app.click("profile-form-save").await;
    let row = tid("profile-row").with_attr("data-profile-name", PROFILE);
    app.wait_for(&row).await;

    // Switching to it fills its (empty) mirror from the account in the background.
    app.click(row.inner("profile-switch")).await;
    let switched = Instant::now();
    app.wait_for_text_eq("active-profile-name", PROFILE).await;
    let first_sync = wait_synced(&app, &Value::Null, Duration::from_secs(240)).await - switched;
    eprintln!(
        "[bench] first sync (empty mirror → {BIG}) {:.1} s",
        first_sync.as_secs_f64()
    );

    // The Contacts page with the full mirror.
    let opened = Instant::now();
    app.click("nav-contacts").await;
    app.wait_for_text("contacts-total", format!("{BIG} contacts"), |t| {
        t.chars().filter(char::is_ascii_digit).collect::<String>() == BIG.to_string()
    })
    .await;
    let open_ms = ms(opened.elapsed());
    app.wait_for("contact-row").await;

    // "Refresh": a full walk of the account again, into a mirror that already has it all.
    let before = mirror_status(&app).await;
    let before_synced = before.get("last_synced").cloned().unwrap_or(Value::Null);
    // last_synced has a resolution the walk might not cross: wait until it can differ.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let clicked = Instant::now();
    app.click("contacts-refresh").await;
    let refresh = wait_synced(&app, &before_synced, Duration::from_secs(240)).await - clicked;
    app.wait_for_text_eq("contacts-refresh", "Refresh").await;
    eprintln!("[bench] refresh {:.1} s", refresh.as_secs_f64());

    // Jumps to places not yet loaded.
    let mut jumps = Vec::new();
    for (label, fraction) in [
        ("middle", 0.5),
        ("end", 1.0),
        ("a quarter", 0.25),
        ("top", 0.0),
    ] {
        let r = run_js(&app, &with_helpers(JUMP_JS), vec![json!(fraction)]).await;
        eprintln!("[bench] jump to {label}: {r}");
        jumps.push((label, num(&r, "ms")));
    }

    // The window's frame interval with nothing changing, then top to bottom and back.
    let idle: Vec<f64> = run_js(&app, &with_helpers(IDLE_JS), vec![json!(IDLE_FRAMES)])
        .await
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    let idle = sorted(&idle);
    let s = run_js(&app, &with_helpers(SCROLL_JS), vec![json!(SCROLL_STEPS)]).await;
    let frames: Vec<f64> = s
        .get("frames")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    let fs = sorted(&frames);
    let steps = num(&s, "steps");
    let scroll_ms = num(&s, "ms");
    let over_50 = frames.iter().filter(|f| **f > 50.0).count();
    eprintln!(
        "[bench] scroll: {} frames, {} steps, {:.0} ms, blank steps {}, blank rows {} of {}",
        frames.len(),
        steps,
        scroll_ms,
        num(&s, "blankSteps"),
        num(&s, "blankRows"),
        num(&s, "shownRows")
    );
    let w = run_js(&app, &with_helpers(WHEEL_JS), vec![json!(WHEEL_STEPS)]).await;
    let wheel: Vec<f64> = w
        .get("frames")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    let ws = sorted(&wheel);
    eprintln!(
        "[bench] wheel scroll: {} frames, {:.0} ms, blank frames {}, blank rows {} of {}",
        wheel.len(),
        num(&w, "ms"),
        num(&w, "blankSteps"),
        num(&w, "blankRows"),
        num(&w, "shownRows")
    );
    app.screenshot("bench_contacts_100k").await;

    // Searches over the whole mirror (the page waits 250 ms after typing before it asks).
    let mut searches = Vec::new();
    for (label, text, expected) in [
        ("name, 100 matches", RARE_NAME.to_owned(), 100),
        (
            "phone, 1 match",
            format!("+1415{:07}", 2_000_000 + 54_321),
            1,
        ),
        ("cleared, all", String::new(), BIG),
    ] {
        let r = run_js(
            &app,
            &with_helpers(SEARCH_JS),
            vec![json!(text), json!(expected)],
        )
        .await;
        eprintln!("[bench] search {label} ({text:?}): {r}");
        searches.push((label, num(&r, "ms")));
    }

    app.quit().await;
    drop(app);
    live.shutdown().await;

    let mut rows = vec![
        (
            format!("setup: {BIG} contacts bulk-created via API"),
            format!("{:.1} s (not the app)", filled.as_secs_f64()),
        ),
        (
            "first sync: switch profile → mirror holds all".to_owned(),
            format!("{:.1} s", first_sync.as_secs_f64()),
        ),
        (
            "Refresh click → sync complete (full walk)".to_owned(),
            format!("{:.1} s", refresh.as_secs_f64()),
        ),
        (
            "open Contacts → total shown (WebDriver poll)".to_owned(),
            fmt_ms(open_ms),
        ),
    ];
    for (label, v) in &jumps {
        rows.push((format!("jump to {label} → rows filled in"), fmt_ms(*v)));
    }
    rows.push((
        format!("scroll top→bottom→top, {steps} steps × 2 frames"),
        format!("{:.1} s total", scroll_ms / 1000.0),
    ));
    rows.push((
        "  idle frame interval p50 / p95 / max (floor)".to_owned(),
        format!(
            "{:.1} / {:.1} / {:.1} ms  ({} frames, table still)",
            percentile(&idle, 50.0),
            percentile(&idle, 95.0),
            percentile(&idle, 100.0),
            idle.len()
        ),
    ));
    rows.push((
        "  frame time while scrolling p50 / p95 / max".to_owned(),
        format!(
            "{:.1} / {:.1} / {:.1} ms  ({} frames, {} over 50 ms)",
            percentile(&fs, 50.0),
            percentile(&fs, 95.0),
            percentile(&fs, 100.0),
            fs.len(),
            over_50
        ),
    ));
    rows.push((
        "  steps still showing placeholder rows".to_owned(),
        format!(
            "{} of {}  ({} of {} rows on screen)",
            num(&s, "blankSteps"),
            steps,
            num(&s, "blankRows"),
            num(&s, "shownRows")
        ),
    ));
    rows.push((
        format!("wheel-like scroll from 60 %, {} frames × 3 rows", ws.len()),
        format!(
            "{:.1} / {:.1} / {:.1} ms p50 / p95 / max  ({} over 50 ms)",
            percentile(&ws, 50.0),
            percentile(&ws, 95.0),
            percentile(&ws, 100.0),
            wheel.iter().filter(|f| **f > 50.0).count()
        ),
    ));
    rows.push((
        "  frames showing placeholder rows".to_owned(),
        format!(
            "{} of {}  ({} of {} rows on screen)",
            num(&w, "blankSteps"),
            ws.len(),
            num(&w, "blankRows"),
            num(&w, "shownRows")
        ),
    ));
    for (label, v) in &searches {
        rows.push((
            format!("search ({label}) → results shown"),
            format!("{}  (incl. 250 ms typing pause)", fmt_ms(*v)),
        ));
    }
    print_table(
        &format!("Contacts page, {BIG} contacts in the mirror"),
        &rows,
    );
    for (label, v) in jumps.iter().chain(searches.iter()) {
        assert!(v.is_finite(), "{label}: not reached within 30 s");
    }
}

// ---- 3. page switches -----------------------------------------------------------------------

/// Every sidebar page, in order, round after round, on the built-in Sandbox profile (demo
/// account: 400 contacts, 89 messages).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "benchmark: needs a display, tauri-driver and the built app (run scripts/bench-app)"]
async fn bench_3_page_switch() {
    let app = App::launch_as("bench_page_switch").await;
    long_scripts(&app).await;
    app.wait_for("overview").await;
    app.wait_for_text("overview-contact-count", "digits", |t| {
        !t.trim().is_empty() && t.trim().chars().all(|c| c.is_ascii_digit() || c == ',')
    })
    .await;
    let pages = sidebar_pages(&app).await;
    assert!(pages.len() > 1, "the sidebar lists {pages:?}");

    // One warm-up round (each page's code and first data), then the measured rounds.
    let mut shown: Vec<(String, Vec<f64>)> = pages.iter().map(|p| (p.clone(), vec![])).collect();
    let mut settled: Vec<Vec<f64>> = vec![vec![]; pages.len()];
    let mut unsettled = 0;
    for round in 0..=SWITCH_ROUNDS {
        for (i, page) in pages
            .iter()
            .enumerate()
            .skip(1)
            .chain(pages.iter().enumerate().take(1))
        {
            let r = run_js(
                &app,
                &with_helpers(SWITCH_JS),
                vec![json!(page), json!(page_root(page))],
            )
            .await;
            if round == 0 {
                continue;
            }
            let s = num(&r, "shown");
            if !s.is_finite() {
                app.fail(format!("the {page} page did not show within 5 s"))
                    .await
            }
            shown[i].1.push(s);
            let t = num(&r, "settled");
            if t.is_finite() {
                settled[i].push(t);
            } else {
                unsettled += 1;
            }
        }
    }
    drop(app);

    let all_shown: Vec<f64> = shown.iter().flat_map(|(_, v)| v.clone()).collect();
    let all_settled: Vec<f64> = settled.iter().flatten().copied().collect();
    let mut rows = vec![(
        "all pages: click → page shown / settled".to_owned(),
        format!(
            "{} / {}  ({} switches; {} not settled within 5 s)",
            fmt_ms(median(&all_shown)),
            fmt_ms(median(&all_settled)),
            all_shown.len(),
            unsettled
        ),
    )];
    for (i, (page, v)) in shown.iter().enumerate() {
        rows.push((
            format!("  → {page}"),
            format!("{} / {}", fmt_ms(median(v)), fmt_ms(median(&settled[i]))),
        ));
    }
    print_table(
        &format!(
            "Page switch (median of {SWITCH_ROUNDS} rounds after a warm-up; shown = root painted, \
             settled = no skeleton or busy region)"
        ),
        &rows,
    );
}
