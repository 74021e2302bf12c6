//! The built console in a real window, driven over WebDriver: one [`App`] per journey.

use std::fmt::Display;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use tempfile::TempDir;

use crate::process;
use crate::target::Target;

/// How often waits look again.
const POLL: Duration = Duration::from_millis(100);
/// Default time a wait allows (override with `E2E_TIMEOUT_SECS`).
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);
/// Time allowed for tauri-driver to listen and for the app's window to come up.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(60);

/// At most this many shots are taken for one screenshot, waiting for the picture to settle.
const SCREENSHOT_TRIES: usize = 5;

/// The key of a web element reference in WebDriver JSON.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// `arguments[0]`: a selector → `{element, text}` of the first shown match, or null.
const FIRST_SHOWN_JS: &str = r#"
const shown = (el) => {
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.visibility !== "collapse"
    && (typeof el.checkVisibility !== "function" || el.checkVisibility());
};
for (const el of document.querySelectorAll(arguments[0])) {
  if (shown(el)) return { element: el, text: el.innerText ?? el.textContent ?? "" };
}
return null;
"#;

/// `arguments[0]`: a selector → the `innerText` of every match.
const ALL_TEXTS_JS: &str = r#"
return Array.from(document.querySelectorAll(arguments[0]), (el) => el.innerText ?? el.textContent ?? "");
"#;

/// `arguments[0]`: rows, `arguments[1]`: part selectors → per row, each part's text or null.
const ROW_TEXTS_JS: &str = r#"
return Array.from(document.querySelectorAll(arguments[0]), (row) =>
  arguments[1].map((sel) => {
    const el = row.querySelector(sel);
    return el ? (el.innerText ?? el.textContent ?? "") : null;
  }));
"#;

/// The repository's root folder.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repository root")
}

/// The app binary the journeys drive: `$E2E_APP`, else `<target dir>/debug/sendblue-console`.
pub fn app_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("E2E_APP") {
        return PathBuf::from(path);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| {
            if p.is_absolute() {
                p
            } else {
                repo_root().join(p)
            }
        })
        .unwrap_or_else(|| repo_root().join("target"));
    target.join("debug").join("sendblue-console")
}

/// Where screenshots go: `tests/e2e/screenshots/` (ignored by git).
pub fn screenshots_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots")
}

/// The running test's name (libtest names each test's thread after it), for file names.
fn current_journey_name() -> String {
    let name = std::thread::current()
        .name()
        .map(|n| n.rsplit("::").next().unwrap_or(n).to_owned())
        .filter(|n| !n.is_empty() && n != "main")
        .unwrap_or_else(|| "journey".to_owned());
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// The console in a real window: its own tauri-driver, its own empty data folders, and a
/// WebDriver session. Dropping it (also when a journey panics) closes the session, ends the
/// driver, WebKitWebDriver and the app, and removes the folders (kept when `E2E_KEEP=1`).
#[derive(Debug)]
pub struct App {
    journey: String,
    client: Option<Client>,
    session_id: Option<String>,
    driver: Option<Child>,
    driver_port: u16,
    root: Option<TempDir>,
    timeout: Duration,
    trace: bool,
    started: Instant,
    started_in: Duration,
}

impl App {
    /// Launches the app for the running test (named after it) from clean data folders.
    pub async fn launch() -> App {
        Self::launch_as(&current_journey_name()).await
    }

    /// Launches the app for the journey `journey` (used in file names) from clean data
    /// folders: fresh `XDG_DATA_HOME`, `XDG_CONFIG_HOME` and `XDG_CACHE_HOME`.
    pub async fn launch_as(journey: &str) -> App {
        let started = Instant::now();
        let binary = app_binary();
        assert!(
            binary.is_file(),
            "the app is not built: {} is missing. Build it with `cargo build -p sendblue-console` \
             (scripts/e2e builds the page and the app, then runs the journeys).",
            binary.display()
        );

        // A failure picture from an earlier run would only mislead.
        let _ = std::fs::remove_file(screenshots_dir().join(format!("{journey}-failed.png")));

        let root = tempfile::Builder::new()
            .prefix(&format!("e2e-{journey}-"))
            .tempdir()
            .expect("temporary folder for the journey");
        for dir in ["data", "config", "cache"] {
            std::fs::create_dir_all(root.path().join(dir)).expect("XDG folder");
        }
        let log = File::create(root.path().join("driver.log")).expect("driver log file");
        let (port, native_port) = process::free_port_pair();

        let mut command = Command::new("tauri-driver");
        command
            .args(["--port", &port.to_string()])
            .args(["--native-port", &native_port.to_string()])
            .env("XDG_DATA_HOME", root.path().join("data"))
            .env("XDG_CONFIG_HOME", root.path().join("config"))
            .env("XDG_CACHE_HOME", root.path().join("cache"))
            // The app turns compositing off when it finds no GPU (src-tauri/src/rendering.rs);
            // the journeys keep it on, see below.
            .env("SENDBLUE_CONSOLE_KEEP_COMPOSITING", "1")
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("driver log file"))
            .stderr(log);
        // Not WEBKIT_DISABLE_COMPOSITING_MODE=1: it saves ~90 MB, but under Xvfb only the
        // first screenshot of a session then answers; every later WebDriver call hangs.

        // Its own process group: WebKitWebDriver and the app join it, and go with it.
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let driver = command.spawn().unwrap_or_else(|e| {
            panic!(
                "tauri-driver could not be started ({e}). Install it with \
                 `cargo install tauri-driver --version 2.1.0 --locked`; it needs WebKitWebDriver \
                 (apt-get install webkit2gtk-driver)."
            )
        });

        // From here on, Drop cleans up whatever happens.
        let mut app = App {
            journey: journey.to_owned(),
            client: None,
            session_id: None,
            driver: Some(driver),
            driver_port: port,
            root: Some(root),
            timeout: std::env::var("E2E_TIMEOUT_SECS")
                .ok()
                .and_then(|s| s.parse().ok())
                .map(Duration::from_secs)
                .unwrap_or(DEFAULT_TIMEOUT),
            trace: std::env::var_os("E2E_TRACE").is_some_and(|v| v == "1"),
            started,
            started_in: Duration::ZERO,
        };

        let deadline = Instant::now() + STARTUP_TIMEOUT;
        while !process::is_listening(port) {
            if let Some(status) = app
                .driver
                .as_mut()
                .and_then(|d| d.try_wait().ok().flatten())
            {
                panic!(
                    "tauri-driver exited ({status}) before listening on port {port}.\n{}",
                    app.driver_log_tail(40)
                );
            }
            assert!(
                Instant::now() < deadline,
                "tauri-driver did not listen on port {port} within {STARTUP_TIMEOUT:?}.\n{}",
                app.driver_log_tail(40)
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }

        // tauri-driver starts WebKitWebDriver first and forwards the session request to it:
        // asked before WebKitWebDriver listens, it answers "tcp connect error".
        while !process::is_listening(native_port) {
            assert!(
                Instant::now() < deadline,
                "WebKitWebDriver did not listen on port {native_port} within {STARTUP_TIMEOUT:?}.\n{}",
                app.driver_log_tail(40)
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }

        let capabilities = serde_json::json!({
            "browserName": "wry",
            "tauri:options": { "application": binary.to_string_lossy() },
        });
        let serde_json::Value::Object(capabilities) = capabilities else {
            unreachable!("capabilities are an object")
        };
        let connect = async {
            ClientBuilder::rustls()
                .expect("TLS roots for the WebDriver client")
                .capabilities(capabilities)
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
        };
        let client = match tokio::time::timeout(STARTUP_TIMEOUT, connect).await {
            Ok(Ok(client)) => client,
            Ok(Err(e)) => panic!(
                "no WebDriver session with the app ({}): {e}\n{}",
                binary.display(),
                app.driver_log_tail(40)
            ),
            Err(_) => panic!(
                "the app's window did not come up within {STARTUP_TIMEOUT:?}\n{}",
                app.driver_log_tail(40)
            ),
        };
        app.session_id = client.session_id().await.ok().flatten();
        app.client = Some(client);
        app.started_in = started.elapsed();
        eprintln!(
            "[e2e] {}: app up in {:.1}s (data folders under {})",
            app.journey,
            app.started_in.as_secs_f64(),
            app.root().display()
        );
        app
    }

    /// The journey's name (the running test's name unless given).
    pub fn journey(&self) -> &str {
        &self.journey
    }

    /// The process id of tauri-driver, which leads the process group holding WebKitWebDriver
    /// and the app (`None` once ended).
    pub fn driver_pid(&self) -> Option<u32> {
        self.driver.as_ref().map(Child::id)
    }

    /// Time from `launch` to a WebDriver session with the window up.
    pub fn started_in(&self) -> Duration {
        self.started_in
    }

    /// The WebDriver client, for anything the helpers don't cover.
    pub fn client(&self) -> &Client {
        self.client
            .as_ref()
            .expect("the app was closed (App::quit) before this call")
    }

    /// The journey's temporary folder: `data/`, `config/`, `cache/` (the XDG folders the app
    /// saw) and `driver.log` (tauri-driver's, WebKitWebDriver's and the app's output).
    pub fn root(&self) -> &Path {
        self.root.as_ref().expect("journey folder").path()
    }

    /// The app's `XDG_DATA_HOME`.
    pub fn data_home(&self) -> PathBuf {
        self.root().join("data")
    }

    /// The app's `XDG_CONFIG_HOME`.
    pub fn config_home(&self) -> PathBuf {
        self.root().join("config")
    }

    /// The app's `XDG_CACHE_HOME`.
    pub fn cache_home(&self) -> PathBuf {
        self.root().join("cache")
    }

    /// The three XDG folders the app saw.
    pub fn xdg_homes(&self) -> [PathBuf; 3] {
        [self.data_home(), self.config_home(), self.cache_home()]
    }

    /// Output of tauri-driver, WebKitWebDriver and the app so far.
    pub fn driver_log(&self) -> String {
        std::fs::read_to_string(self.root().join("driver.log")).unwrap_or_default()
    }

    fn driver_log_tail(&self, lines: usize) -> String {
        let log = self.driver_log();
        let all: Vec<&str> = log.lines().collect();
        let tail = all[all.len().saturating_sub(lines)..].join("\n");
        format!("--- last lines of tauri-driver / app output ---\n{tail}\n---")
    }

    /// With `E2E_TRACE=1`, prints each wait's outcome and time (shown with `--nocapture`, or
    /// for a failed journey).
    fn trace(&self, message: std::fmt::Arguments<'_>) {
        if self.trace {
            eprintln!("[e2e] {}: {message}", self.journey);
        }
    }

    /// Changes how long waits allow from now on.
    pub fn set_timeout(&mut self, timeout: Duration) {
        self.timeout = timeout;
    }

    // ---- waiting ---------------------------------------------------------------------------

    /// Polls `probe` until it returns `Some`, for at most the wait timeout; on timeout, saves
    /// `<journey>-failed.png` and panics with `what`, the page's text and a source excerpt.
    /// The building block of every other wait:
    ///
    /// ```no_run
    /// # async fn demo(app: &e2e::App) {
    /// let n: u64 = app
    ///     .wait_until("a contact count", async |app| {
    ///         app.text_now("overview-contact-count").await?.parse().ok()
    ///     })
    ///     .await;
    /// # }
    /// ```
    pub async fn wait_until<T>(
        &self,
        what: impl Display,
        mut probe: impl AsyncFnMut(&App) -> Option<T>,
    ) -> T {
        let start = Instant::now();
        let deadline = start + self.timeout;
        loop {
            // A WebDriver call can hang (a stuck page): never wait past the deadline for one.
            let left = deadline
                .saturating_duration_since(Instant::now())
                .max(Duration::from_secs(1));
            if let Ok(Some(value)) = tokio::time::timeout(left, probe(self)).await {
                self.trace(format_args!("{what}: ok after {:?}", start.elapsed()));
                return value;
            }
            if Instant::now() >= deadline {
                return self
                    .fail(format!(
                        "timed out after {:?} waiting for {what}",
                        self.timeout
                    ))
                    .await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until an element matching `target` is displayed, and returns it.
    pub async fn wait_for(&self, target: impl Into<Target>) -> Element {
        let target = target.into();
        self.wait_until(format!("{target} to be shown"), async |app| {
            app.visible_now(&target).await
        })
        .await
    }

    /// Waits until an element matching `target` is in the page (shown or not).
    pub async fn wait_present(&self, target: impl Into<Target>) -> Element {
        let target = target.into();
        self.wait_until(format!("{target} to be in the page"), async |app| {
            app.all(&target).await.into_iter().next()
        })
        .await
    }

    /// Waits until no element matches `target`.
    pub async fn wait_gone(&self, target: impl Into<Target>) {
        let target = target.into();
        self.wait_until(format!("{target} to go away"), async |app| {
            app.all(&target).await.is_empty().then_some(())
        })
        .await
    }

    /// Waits until the text of the shown element matching `target` satisfies `accept`
    /// (described by `expected` in the failure message), and returns the text.
    pub async fn wait_for_text(
        &self,
        target: impl Into<Target>,
        expected: impl Display,
        accept: impl Fn(&str) -> bool,
    ) -> String {
        let target = target.into();
        let mut last = None::<String>;
        let what = format!("the text of {target} to be {expected}");
        let deadline = Instant::now() + self.timeout;
        loop {
            let left = deadline
                .saturating_duration_since(Instant::now())
                .max(Duration::from_secs(1));
            if let Ok(Some(text)) = tokio::time::timeout(left, self.text_now(&target)).await {
                if accept(&text) {
                    self.trace(format_args!("{what}: {text:?}"));
                    return text;
                }
                last = Some(text);
            }
            if Instant::now() >= deadline {
                let seen = match &last {
                    Some(t) => format!("last seen {t:?}"),
                    None => "the element was never shown".to_owned(),
                };
                return self
                    .fail(format!(
                        "timed out after {:?} waiting for {what} ({seen})",
                        self.timeout
                    ))
                    .await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the text of `target` is exactly `expected` (trimmed).
    pub async fn wait_for_text_eq(&self, target: impl Into<Target>, expected: &str) -> String {
        self.wait_for_text(target, format!("{expected:?}"), |t| t.trim() == expected)
            .await
    }

    /// Waits until the text of `target` contains `needle`, ignoring case.
    pub async fn wait_for_text_containing(
        &self,
        target: impl Into<Target>,
        needle: &str,
    ) -> String {
        let lower = needle.to_lowercase();
        self.wait_for_text(target, format!("containing {needle:?}"), |t| {
            t.to_lowercase().contains(&lower)
        })
        .await
    }

    /// Waits until exactly `count` elements match `target`, and returns them.
    pub async fn wait_for_count(&self, target: impl Into<Target>, count: usize) -> Vec<Element> {
        let target = target.into();
        self.wait_until(format!("{count} elements matching {target}"), async |app| {
            let found = app.all(&target).await;
            (found.len() == count).then_some(found)
        })
        .await
    }

    // ---- looking without waiting -----------------------------------------------------------

    /// Every element matching `target` right now (none on any error).
    pub async fn all(&self, target: &Target) -> Vec<Element> {
        self.client()
            .find_all(Locator::Css(target.css()))
            .await
            .unwrap_or_default()
    }

    /// True when an element matches `target` right now.
    pub async fn exists(&self, target: impl Into<Target>) -> bool {
        !self.all(&target.into()).await.is_empty()
    }

    /// Runs `script` in the page (its `arguments` are `args`) and returns what it returns.
    pub async fn script(
        &self,
        script: &str,
        args: Vec<serde_json::Value>,
    ) -> Result<serde_json::Value, fantoccini::error::CmdError> {
        self.client().execute(script, args).await
    }

    /// The first shown element matching `target` right now, with its text.
    ///
    /// "Shown" and "text" are the page's own (a box with a size, not `visibility: hidden`,
    /// `checkVisibility()`; `innerText`): WebKitWebDriver's displayed/text atoms call an
    /// element with `overflow: hidden` (like a truncated name) hidden, and its text "".
    pub async fn shown_now(&self, target: &Target) -> Option<(Element, String)> {
        let found = self
            .script(FIRST_SHOWN_JS, vec![target.css().into()])
            .await
            .ok()?;
        let id = found.get("element")?.get(ELEMENT_KEY)?.as_str()?.to_owned();
        let text = found.get("text")?.as_str()?.to_owned();
        Some((
            Element::from_element_id(self.client().clone(), id.into()),
            text,
        ))
    }

    /// The first shown element matching `target` right now.
    pub async fn visible_now(&self, target: &Target) -> Option<Element> {
        self.shown_now(target).await.map(|(element, _)| element)
    }

    /// The text (`innerText`) of the first shown element matching `target` right now.
    pub async fn text_now(&self, target: impl Into<Target>) -> Option<String> {
        self.shown_now(&target.into()).await.map(|(_, text)| text)
    }

    /// The texts (`innerText`) of every element matching `target` right now, in page order.
    pub async fn texts_now(&self, target: impl Into<Target>) -> Vec<String> {
        let target = target.into();
        self.script(ALL_TEXTS_JS, vec![target.css().into()])
            .await
            .ok()
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default()
    }

    /// For every element matching `rows` right now, the text of its first descendant matching
    /// each of `parts` (`None` where it has none): a table as text.
    ///
    /// ```no_run
    /// # async fn demo(app: &e2e::App) {
    /// let lines = app.row_texts("line-row", &["line-number", "line-status"]).await;
    /// # }
    /// ```
    pub async fn row_texts(
        &self,
        rows: impl Into<Target>,
        parts: &[&str],
    ) -> Vec<Vec<Option<String>>> {
        let rows = rows.into();
        let parts: Vec<serde_json::Value> = parts
            .iter()
            .map(|p| Target::from(*p).css().to_owned().into())
            .collect();
        self.script(ROW_TEXTS_JS, vec![rows.css().into(), parts.into()])
            .await
            .ok()
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default()
    }

    // ---- acting -----------------------------------------------------------------------------

    /// Waits for `target` to be shown, then returns its text.
    pub async fn text(&self, target: impl Into<Target>) -> String {
        let target = target.into();
        self.wait_until(format!("the text of {target}"), async |app| {
            app.text_now(&target).await
        })
        .await
    }

    /// Waits for `target` to be shown, then returns its attribute `name` (if set).
    pub async fn attr(&self, target: impl Into<Target>, name: &str) -> Option<String> {
        let element = self.wait_for(target).await;
        element.attr(name).await.ok().flatten()
    }

    /// Waits until `target` is shown and enabled, then clicks it (retrying while something
    /// covers it or the page re-renders it).
    pub async fn click(&self, target: impl Into<Target>) {
        let target = target.into();
        self.wait_until(format!("{target} to be clickable"), async |app| {
            let element = app.visible_now(&target).await?;
            if !element.is_enabled().await.unwrap_or(false) {
                return None;
            }
            element.click().await.ok()
        })
        .await
    }

    /// Opens Settings → Add profile and fills the form the way a person does (name, base URL,
    /// key id, secret, kind), leaving the Test and Save buttons to the journey.
    pub async fn fill_new_profile(
        &self,
        name: &str,
        base_url: &str,
        key_id: &str,
        secret: &str,
        kind: &str,
    ) {
        self.click("nav-settings").await;
        self.wait_for("profiles").await;
        self.click("profile-add").await;
        self.wait_for("profile-form").await;
        self.type_into("profile-name", name).await;
        self.type_into("profile-base-url", base_url).await;
        self.type_into("profile-key-id", key_id).await;
        self.type_into("profile-secret", secret).await;
        self.select("profile-kind", kind).await;
    }

    /// Replaces the text of the input `target` with `text` the way a person does: Ctrl+A,
    /// Backspace, then typing (WebDriver's clear() does not fire React's onChange). Checks
    /// that the field then holds `text`.
    pub async fn type_into(&self, target: impl Into<Target>, text: &str) {
        let target = target.into();
        self.type_keys(target.clone(), text).await;
        let element = self.wait_for(&target).await;
        let secret = element.attr("type").await.ok().flatten().as_deref() == Some("password");
        let shown = if secret {
            "<password>".to_owned()
        } else {
            format!("{text:?}")
        };
        self.wait_until(format!("{target} to hold {shown}"), async |_| {
            let value = element.prop("value").await.ok().flatten()?;
            (value == text).then_some(())
        })
        .await
    }

    /// Types `text` into the input `target` after Ctrl+A and Backspace, without checking what
    /// the field then holds (for inputs that format as you type, like phone numbers).
    pub async fn type_keys(&self, target: impl Into<Target>, text: &str) {
        let target = target.into();
        let element = self.wait_for(&target).await;
        let _ = element.click().await;
        let typed = async {
            element.send_keys(&(Key::Control + "a")).await?;
            element.send_keys(&Key::Backspace).await?;
            if !text.is_empty() {
                element.send_keys(text).await?;
            }
            Ok::<_, fantoccini::error::CmdError>(())
        };
        if let Err(e) = typed.await {
            self.fail(format!("typing into {target} failed: {e}")).await
        }
    }

    /// Goes to `path` in the page's hash router (`"/contacts"`, `"/messages?number=+1…"`).
    pub async fn goto(&self, path: &str) {
        if let Err(e) = self
            .script("window.location.hash = arguments[0];", vec![path.into()])
            .await
        {
            self.fail(format!("going to #{path} failed: {e}")).await
        }
    }

    /// Chooses `value` in `target`: a `<select>` (by option value), or a radio button with
    /// that value (the target itself, or inside it).
    pub async fn select(&self, target: impl Into<Target>, value: &str) {
        let target = target.into();
        let element = self.wait_present(&target).await;
        let tag = element.tag_name().await.unwrap_or_default().to_lowercase();
        if tag == "select" {
            if let Err(e) = element.select_by_value(value).await {
                return self
                    .fail(format!("choosing {value:?} in {target} failed: {e}"))
                    .await;
            }
            return;
        }
        let radio = crate::css(format!(
            "{t}[value=\"{v}\"], {t} input[value=\"{v}\"]",
            t = target.css(),
            v = value.replace('"', "\\\"")
        ));
        self.click(radio).await;
    }

    /// Sends keys to whatever has the focus (for shortcuts like Ctrl+K or Escape).
    pub async fn press(&self, keys: &str) {
        let focused = match self.client().active_element().await {
            Ok(element) => element,
            Err(e) => return self.fail(format!("no focused element for keys: {e}")).await,
        };
        if let Err(e) = focused.send_keys(keys).await {
            self.fail(format!("sending keys failed: {e}")).await
        }
    }

    // ---- evidence ----------------------------------------------------------------------------

    /// Saves a screenshot of the window as `tests/e2e/screenshots/<name>.png` and returns
    /// its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        match self.try_screenshot(name).await {
            Ok(path) => path,
            Err(e) => panic!("screenshot {name:?} failed: {e}"),
        }
    }

    /// Saves a screenshot of the window at `path` (its folder is created).
    pub async fn screenshot_to(&self, path: &Path) {
        if let Err(e) = self.try_screenshot_to(path).await {
            panic!("screenshot {} failed: {e}", path.display())
        }
    }

    async fn try_screenshot(&self, name: &str) -> Result<PathBuf, String> {
        let path = screenshots_dir().join(format!("{name}.png"));
        self.try_screenshot_to(&path).await?;
        Ok(path)
    }

    async fn try_screenshot_to(&self, path: &Path) -> Result<(), String> {
        let client = self.client.as_ref().ok_or("the app was closed")?;
        // WebKitGTK under Xvfb can hand back an older frame (even a blank one for a
        // session's first screenshot): take shots until two in a row are the same.
        let mut png = Vec::new();
        for _ in 0..SCREENSHOT_TRIES {
            let shot = tokio::time::timeout(Duration::from_secs(10), client.screenshot())
                .await
                .map_err(|_| "no answer within 10 s".to_owned())?
                .map_err(|e| e.to_string())?;
            let settled = shot == png;
            png = shot;
            if settled {
                break;
            }
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        std::fs::write(path, png).map_err(|e| e.to_string())?;
        eprintln!("[e2e] {}: screenshot {}", self.journey, path.display());
        Ok(())
    }

    /// What the page shows (its text) and an excerpt of its source, for failure messages.
    pub async fn page_excerpt(&self) -> String {
        let Some(client) = self.client.as_ref() else {
            return "(the app was closed)".to_owned();
        };
        let limit = Duration::from_secs(5);
        let script = "return document.body ? document.body.innerText : '';";
        let text = tokio::time::timeout(limit, client.execute(script, vec![]))
            .await
            .ok()
            .and_then(Result::ok)
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_else(|| "(unavailable)".to_owned());
        let source = match tokio::time::timeout(limit, client.source()).await {
            Ok(Ok(source)) => source_excerpt(&source),
            Ok(Err(e)) => format!("(unavailable: {e})"),
            Err(_) => "(unavailable: no answer within 5 s)".to_owned(),
        };
        format!(
            "--- page text ---\n{}\n--- page source (excerpt) ---\n{}\n---",
            truncate(text.trim(), 1500),
            source
        )
    }

    /// Saves `<journey>-failed.png` and panics with `message`, the page's text and a source
    /// excerpt (dropping the `App` then prints the end of the driver/app output).
    pub async fn fail<T>(&self, message: impl Display) -> T {
        let shot = match self
            .try_screenshot(&format!("{}-failed", self.journey))
            .await
        {
            Ok(path) => path.display().to_string(),
            Err(e) => format!("(none: {e})"),
        };
        let page = self.page_excerpt().await;
        // The end of the driver/app output follows from Drop.
        panic!(
            "{message}\njourney: {}\nscreenshot: {shot}\n{page}",
            self.journey
        )
    }

    // ---- ending ------------------------------------------------------------------------------

    /// Closes the window and ends the driver and the app, keeping the data folders until the
    /// `App` is dropped (to look through what the app wrote).
    pub async fn quit(&mut self) {
        if let Some(client) = self.client.take() {
            let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
        }
        if let Some(mut driver) = self.driver.take() {
            let multi_thread = tokio::runtime::Handle::try_current()
                .is_ok_and(|h| h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread);
            if multi_thread {
                tokio::task::block_in_place(|| process::stop_group(&mut driver));
            } else {
                process::stop_group(&mut driver);
            }
        }
    }
}

impl Drop for App {
    fn drop(&mut self) {
        if let Some(client) = self.client.take() {
            if let Some(id) = &self.session_id {
                process::delete_session_blocking(self.driver_port, id, Duration::from_secs(10));
            }
            drop(client);
        }
        if let Some(mut driver) = self.driver.take() {
            process::stop_group(&mut driver);
        }
        eprintln!(
            "[e2e] {}: {} after {:.1}s",
            self.journey,
            if std::thread::panicking() {
                "failed"
            } else {
                "ended"
            },
            self.started.elapsed().as_secs_f64()
        );
        let keep = std::env::var_os("E2E_KEEP").is_some_and(|v| v == "1");
        if std::thread::panicking() && !self.driver_log().trim().is_empty() {
            eprintln!("[e2e] {}: {}", self.journey, self.driver_log_tail(40));
        }
        if let Some(root) = self.root.take() {
            if keep {
                let path = root.keep();
                eprintln!("[e2e] {}: kept {}", self.journey, path.display());
            }
        }
    }
}

/// The `<body>` of `source` without scripts and styles, whitespace collapsed, at most 3000
/// characters.
fn source_excerpt(source: &str) -> String {
    let body = source.find("<body").map_or(source, |i| &source[i..]);
    let mut out = String::with_capacity(body.len().min(8000));
    let mut rest = body;
    while !rest.is_empty() {
        let next = ["<script", "<style"]
            .iter()
            .filter_map(|tag| rest.find(tag).map(|i| (i, *tag)))
            .min();
        match next {
            Some((start, tag)) => {
                out.push_str(&rest[..start]);
                let close = format!("</{}>", &tag[1..]);
                rest = rest[start..]
                    .find(&close)
                    .map_or("", |end| &rest[start + end + close.len()..]);
            }
            None => {
                out.push_str(rest);
                rest = "";
            }
        }
    }
    let collapsed = out.split_whitespace().collect::<Vec<_>>().join(" ");
    truncate(&collapsed, 3000)
}

fn truncate(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((i, _)) => format!(
            "{}… ({} more characters)",
            &text[..i],
            text[i..].chars().count()
        ),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_excerpt_keeps_the_body_without_scripts() {
        let html = "<html><head><script>x()</script></head><body>\n <div data-testid=\"a\">Hi</div>\
                    <script type=\"module\">y()</script><style>p{}</style>  <p>there</p></body></html>";
        assert_eq!(
            source_excerpt(html),
            "<body> <div data-testid=\"a\">Hi</div> <p>there</p></body></html>"
        );
    }

    #[test]
    fn truncate_counts_characters() {
        assert_eq!(truncate("héllo", 10), "héllo");
        assert_eq!(truncate("héllo", 2), "hé… (3 more characters)");
    }
}
