//! How WebKitGTK draws the window. Its accelerated compositing mode, on a machine with no GPU
//! (a VM, a remote desktop), draws every frame that changes in software at 150–200 ms, so a
//! scrolled table stutters; with compositing off the same frames take ~16 ms (measured in
//! docs/benchmarks.md, "Contacts scrolling"). So it is turned off where no GPU is found.

use std::path::Path;

/// WebKitGTK's own switch; when the person has set it either way, theirs wins.
pub const DISABLE_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Keeps compositing on without a GPU. The end-to-end harness sets it: with compositing off,
/// WebKitWebDriver's screenshots stop answering under Xvfb.
pub const KEEP_COMPOSITING: &str = "SENDBLUE_CONSOLE_KEEP_COMPOSITING";

/// Whether to turn compositing off: only when nobody chose, and no GPU render node exists.
pub fn should_disable_compositing(already_chosen: bool, keep: bool, has_gpu: bool) -> bool {
    !already_chosen && !keep && !has_gpu
}

/// Whether `dri` (normally `/dev/dri`) holds a GPU render node (`renderD128`, …).
pub fn has_render_node(dri: &Path) -> bool {
    std::fs::read_dir(dri)
        .map(|entries| {
            entries
                .flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
        })
        .unwrap_or(false)
}

/// Applies the choice to this process. Call first thing in `main`, before any thread starts.
pub fn choose_compositing() {
    if !cfg!(target_os = "linux") {
        return;
    }
    let already_chosen = std::env::var_os(DISABLE_COMPOSITING).is_some();
    let keep = std::env::var_os(KEEP_COMPOSITING).is_some();
    if should_disable_compositing(already_chosen, keep, has_render_node(Path::new("/dev/dri"))) {
        std::env::set_var(DISABLE_COMPOSITING, "1");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turns_compositing_off_only_without_a_gpu_and_without_a_choice() {
        assert!(should_disable_compositing(false, false, false));
        assert!(!should_disable_compositing(false, false, true));
        assert!(!should_disable_compositing(true, false, false));
        assert!(!should_disable_compositing(false, true, false));
    }

    #[test]
    fn finds_a_render_node_and_nothing_else() {
        let dri = tempfile::tempdir().unwrap();
        assert!(!has_render_node(dri.path()));
        assert!(!has_render_node(&dri.path().join("missing")));
        std::fs::write(dri.path().join("card0"), "").unwrap();
        assert!(!has_render_node(dri.path()));
        std::fs::write(dri.path().join("renderD128"), "").unwrap();
        assert!(has_render_node(dri.path()));
    }
}
