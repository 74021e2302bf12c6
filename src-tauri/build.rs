//! Checks the page is there, then lets tauri-build read tauri.conf.json and the capabilities.

use std::path::Path;

/// Shown when the page was never built, so a fresh clone can still compile and run the
/// library's tests (the bindings export needs no page).
const PLACEHOLDER: &str = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\" />\
<title>Sendblue Console</title></head><body><main><h1>Sendblue Console</h1>\
<p>The page isn't built yet: run <code>npm ci &amp;&amp; npm run build</code> in ui/, then \
build the app again.</p></main></body></html>\n";

fn main() {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/dist");
    if !dist.join("index.html").exists() {
        // A production build must never ship the placeholder.
        if std::env::var_os("CARGO_FEATURE_CUSTOM_PROTOCOL").is_some() {
            panic!(
                "ui/dist is missing: run `npm ci && npm run build` in ui/ before a release build"
            );
        }
        std::fs::create_dir_all(&dist).expect("create ui/dist");
        std::fs::write(dist.join("index.html"), PLACEHOLDER).expect("write ui/dist/index.html");
        println!(
            "cargo:warning=ui/dist was missing: wrote a placeholder page (run `npm run build` in ui/)"
        );
    }
    // Check again when the page is deleted (cargo reruns this when the file is missing).
    println!("cargo:rerun-if-changed=../ui/dist/index.html");
    tauri_build::build();
}
