//! A screenshot of every page of the console, from the real window on the embedded sandbox's
//! demo account: `scripts/screenshots` runs this with `E2E_SCREENSHOTS_DIR=docs/screenshots`
//! and it saves `<page id>.png` there. Without that variable (a plain `scripts/e2e`) it does
//! nothing.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use e2e::{css, repo_root, App};

/// `arguments[0]`: a selector → true while a shown element matches it.
const ANY_SHOWN_JS: &str = r#"
for (const el of document.querySelectorAll(arguments[0])) {
  const r = el.getBoundingClientRect();
  if (r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden") return true;
}
return false;
"#;

/// What a page shows while it is still loading.
const LOADING: &str = r#"[aria-busy="true"], .skeleton, [data-testid$="-loading"]"#;

/// A contact of the sandbox's demo account, and the line they write to.
const DEMO_CONTACT: &str = "+15125550152";
const DEMO_LINE: &str = "+14155550100";

/// How long a page may keep showing loading placeholders before it is taken as it is.
const SETTLE: Duration = Duration::from_secs(8);

/// The ids of the pages that exist, in sidebar order, read from `ui/src/pages/registry.ts`
/// (the slots that have a `component`).
fn page_ids() -> Vec<String> {
    let registry = repo_root().join("ui/src/pages/registry.ts");
    let text = std::fs::read_to_string(&registry)
        .unwrap_or_else(|e| panic!("reading {}: {e}", registry.display()));
    text.lines()
        .map(str::trim)
        .filter(|l| l.starts_with("{ id: \"") && l.contains("component:"))
        .filter_map(|l| {
            l.strip_prefix("{ id: \"")?
                .split('"')
                .next()
                .map(str::to_owned)
        })
        .collect()
}

#[test]
fn the_registry_lists_pages() {
    let ids = page_ids();
    assert!(
        ids.contains(&"overview".to_owned()) && ids.contains(&"settings".to_owned()),
        "{ids:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "end-to-end: needs a display, tauri-driver and the built app (run scripts/screenshots)"]
async fn screenshot_every_page() {
    let Some(out) = std::env::var_os("E2E_SCREENSHOTS_DIR").map(PathBuf::from) else {
        eprintln!(
            "[e2e] screenshot_every_page: skipped (scripts/screenshots sets E2E_SCREENSHOTS_DIR)"
        );
        return;
    };
    let out = if out.is_absolute() {
        out
    } else {
        repo_root().join(out)
    };
    let ids = page_ids();
    assert!(!ids.is_empty(), "no pages in the registry");

    let app = App::launch().await;
    app.wait_for("overview").await;
    // The demo account is in the mirror before any page is pictured.
    app.wait_for_text("overview-contact-count", "digits", |t| {
        !t.trim().is_empty() && t.trim().chars().all(|c| c.is_ascii_digit())
    })
    .await;
    // Some live activity for the Activity page to show: a demo contact writes and types.
    let sandbox = app.embedded_sandbox().await;
    sandbox
        .inbound(DEMO_CONTACT, DEMO_LINE, "Running 10 minutes late, sorry!")
        .await;
    sandbox.typing(DEMO_CONTACT, DEMO_LINE, true).await;

    for id in &ids {
        app.goto(&format!("/{id}")).await;
        app.wait_for(css(format!(
            r#"[data-testid="{id}"], [data-testid="{id}-page"], [data-testid="{id}s-page"]"#
        )))
        .await;
        if id == "activity" {
            app.wait_for(css(r#"[data-testid="activity-item"][data-kind="in"]"#))
                .await;
        }
        // Let the page's data arrive: wait (at most SETTLE) for the loading placeholders to go.
        let deadline = Instant::now() + SETTLE;
        while Instant::now() < deadline {
            let busy = app
                .script(ANY_SHOWN_JS, vec![LOADING.into()])
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            if !busy {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // The sidebar's focus ring and the scroll position are the same on every picture.
        let _ = app
            .script(
                "document.activeElement?.blur?.(); window.scrollTo(0, 0); return null;",
                vec![],
            )
            .await;
        app.screenshot_to(&out.join(format!("{id}.png"))).await;
    }
    eprintln!(
        "[e2e] screenshot_every_page: {} pages in {}",
        ids.len(),
        out.display()
    );
}
