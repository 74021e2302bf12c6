//! The X display around the window, driven with `xdotool` the way a person would: the GTK
//! file chooser (Ctrl+L, type the path, Enter) and another window to move the focus to.
//!
//! Everything here acts on the test's `DISPLAY` (the Xvfb that `scripts/e2e` starts) and waits
//! by polling with a deadline, never a fixed sleep.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The main window's title (tauri.conf.json).
pub const MAIN_WINDOW_TITLE: &str = "Sendblue Console";

const POLL: Duration = Duration::from_millis(100);

/// Runs `xdotool args…` and returns its standard output (trimmed); `Err` with its stderr when
/// it fails.
pub fn xdotool(args: &[&str]) -> Result<String, String> {
    let output = Command::new("xdotool")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("xdotool could not be run ({e}); apt-get install xdotool"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
    } else {
        Err(format!(
            "xdotool {} failed ({}): {}",
            args.join(" "),
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ))
    }
}

/// The ids of the shown windows whose title matches the regular expression `name` (as
/// `xdotool search --onlyvisible --name` reads it), right now.
pub fn visible_windows(name: &str) -> Vec<String> {
    xdotool(&["search", "--onlyvisible", "--name", name])
        .map(|out| out.lines().map(str::to_owned).collect())
        .unwrap_or_default()
}

/// The title of window `id`.
pub fn window_name(id: &str) -> String {
    xdotool(&["getwindowname", id]).unwrap_or_default()
}

/// Waits (at most `timeout`) for a shown window whose title matches `name` and isn't the main
/// window, and returns its id.
pub fn wait_for_window(name: &str, timeout: Duration) -> Result<String, String> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(id) = visible_windows(name)
            .into_iter()
            .find(|id| window_name(id) != MAIN_WINDOW_TITLE)
        {
            return Ok(id);
        }
        if Instant::now() >= deadline {
            let all: Vec<String> = visible_windows(".")
                .iter()
                .map(|id| format!("{id} {:?}", window_name(id)))
                .collect();
            return Err(format!(
                "no window titled like {name:?} was shown within {timeout:?} (shown windows: {all:?})"
            ));
        }
        std::thread::sleep(POLL);
    }
}

/// Waits (at most `timeout`) until window `id` is no longer shown.
pub fn wait_window_gone(id: &str, timeout: Duration) -> bool {
    let deadline = Instant::now() + timeout;
    loop {
        if !visible_windows(".").iter().any(|w| w == id) {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(POLL);
    }
}

/// Gives the keyboard focus to window `id` (no window manager runs under Xvfb, so this is
/// `XSetInputFocus`, not `_NET_ACTIVE_WINDOW`).
pub fn focus_window(id: &str) -> Result<(), String> {
    xdotool(&["windowfocus", "--sync", id]).map(|_| ())
}

/// The window that has the keyboard focus.
pub fn focused_window() -> Option<String> {
    xdotool(&["getwindowfocus"]).ok()
}

/// The app's main window.
pub fn main_window() -> Option<String> {
    visible_windows(&format!("^{MAIN_WINDOW_TITLE}$"))
        .into_iter()
        .next()
}

/// Answers an open GTK file chooser whose title matches `title` (a regular expression): waits
/// for it (at most `timeout`), focuses it, presses Ctrl+L, types `path` and Enter, and waits
/// until it has closed.
pub fn choose_file(title: &str, path: &Path, timeout: Duration) -> Result<(), String> {
    let path = path
        .to_str()
        .ok_or_else(|| format!("{} is not UTF-8", path.display()))?;
    let id = wait_for_window(title, timeout)?;
    let deadline = Instant::now() + timeout;
    // The dialog can be mapped before GTK takes keys: retry the whole gesture until it closes.
    loop {
        focus_window(&id)?;
        xdotool(&["key", "--clearmodifiers", "ctrl+l"])?;
        // A location entry that already holds text (a second try) is replaced, not appended to.
        xdotool(&["key", "--clearmodifiers", "ctrl+a"])?;
        xdotool(&["type", "--clearmodifiers", "--delay", "5", path])?;
        xdotool(&["key", "--clearmodifiers", "Return"])?;
        if wait_window_gone(&id, Duration::from_secs(3)) {
            return Ok(());
        }
        if Instant::now() >= deadline {
            return Err(format!(
                "the file chooser {id} ({:?}) did not close after typing {path:?} and Enter",
                window_name(&id)
            ));
        }
    }
}

/// Another top-level X window (`xlogo`), to take the focus away from the app the way switching
/// to another program does. Closed when dropped.
#[derive(Debug)]
pub struct OtherWindow {
    child: Child,
    id: String,
}

impl OtherWindow {
    /// Opens it and waits until it is shown.
    pub fn open() -> OtherWindow {
        let title = format!("e2e-other-window-{}", std::process::id());
        let child = Command::new("xlogo")
            .args(["-title", &title, "-geometry", "200x200+0+0"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("xlogo could not be started ({e}); apt-get install x11-apps")
            });
        let mut window = OtherWindow {
            child,
            id: String::new(),
        };
        window.id = wait_for_window(&format!("^{title}$"), Duration::from_secs(15))
            .unwrap_or_else(|e| panic!("{e}"));
        window
    }

    /// Its X window id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Gives it the keyboard focus (the app's window loses it) and checks that it has it.
    pub fn focus(&self) {
        focus_window(&self.id).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            focused_window().as_deref(),
            Some(self.id.as_str()),
            "the other window did not get the focus"
        );
    }
}

impl Drop for OtherWindow {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
