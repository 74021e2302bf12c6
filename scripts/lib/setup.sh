# shellcheck shell=bash
# Shared set-up for ./scripts/run and ./scripts/test: check what can't be installed from here,
# install what can, and time every step. Sourced, never run on its own.
#
# A step is one function; run it through `run_step "plain name" function args…` so its time is
# recorded and a failure names it. The callers use `set -euo pipefail`.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export DEBIAN_FRONTEND=noninteractive

MIN_RUST_VERSION="1.88"
MIN_NODE_VERSION="20.19"
TAURI_DRIVER_VERSION="2.1.0"

# Three groups: building and showing the window; the browser for page tests;
# a keychain, a file-chooser driver and a notification daemon for the end-to-end tests.
APT_BUILD_AND_WINDOW=(
  libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config xvfb xauth x11-utils x11-apps
  imagemagick webkit2gtk-driver at-spi2-core dbus-x11 fonts-dejavu-core procps
)
APT_PAGE_TEST_BROWSER=(chromium)
APT_DESKTOP_TEST_SERVICES=(gnome-keyring libsecret-tools xdotool dunst)

STEP_NAMES=()
STEP_SECONDS=()
STEP_SKIPPED_NAMES=()
CURRENT_STEP=""
CURRENT_STEP_START=0

# A rustup install done by this user but not yet on PATH (a shell opened before rustup ran).
if ! command -v cargo >/dev/null 2>&1 && [[ -x "${CARGO_HOME:-${HOME:-}/.cargo}/bin/cargo" ]]; then
  PATH="${CARGO_HOME:-${HOME:-}/.cargo}/bin:$PATH"
fi

say() {
  printf '%s\n' "$*"
}

fail() {
  printf '\n%s\n' "$*" >&2
  exit 1
}

complain() {
  printf '\n%s\n' "$*" >&2
}

now_microseconds() {
  local t="${EPOCHREALTIME}"
  printf '%s' "${t//[.,]/}"
}

format_seconds() {
  local micros="$1"
  printf '%d.%01ds' "$((micros / 1000000))" "$(((micros % 1000000) / 100000))"
}

run_step() {
  local name="$1"
  shift
  say ""
  say "==> ${name}"
  CURRENT_STEP="${name}"
  CURRENT_STEP_START="$(now_microseconds)"
  "$@"
  local elapsed=$(($(now_microseconds) - CURRENT_STEP_START))
  CURRENT_STEP=""
  STEP_NAMES+=("${name}")
  STEP_SECONDS+=("${elapsed}")
  say "--- ${name}: done in $(format_seconds "${elapsed}")"
}

# For a step that exists in the plan but does not run yet; shown in the summary as skipped.
skip_step() {
  local name="$1" reason="$2"
  say ""
  say "==> ${name}: skipped (${reason})"
  STEP_SKIPPED_NAMES+=("${name}")
}

print_step_summary() {
  local i total=0
  say ""
  say "Step timings:"
  for i in "${!STEP_NAMES[@]}"; do
    printf '  %-58s %8s\n' "${STEP_NAMES[$i]}" "$(format_seconds "${STEP_SECONDS[$i]}")"
    total=$((total + STEP_SECONDS[i]))
  done
  for i in "${!STEP_SKIPPED_NAMES[@]}"; do
    printf '  %-58s %8s\n' "${STEP_SKIPPED_NAMES[$i]}" "skipped"
  done
  printf '  %-58s %8s\n' "total" "$(format_seconds "${total}")"
}

# On any non-zero exit inside a step, name the step before the shell goes away.
report_failed_step() {
  local status=$?
  if [[ ${status} -ne 0 && -n "${CURRENT_STEP}" ]]; then
    printf '\nFAILED: step "%s" (exit status %d, after %s). The output above shows why.\n' \
      "${CURRENT_STEP}" "${status}" "$(format_seconds $(($(now_microseconds) - CURRENT_STEP_START)))" >&2
    if ((${#STEP_NAMES[@]} > 0)); then
      print_step_summary >&2
    fi
  fi
}
trap report_failed_step EXIT

# True when version $1 (like 1.95.0) is at least $2 (like 1.88), comparing major then minor.
version_at_least() {
  local have_major have_minor want_major want_minor rest
  IFS=. read -r have_major have_minor rest <<<"$1"
  IFS=. read -r want_major want_minor rest <<<"$2"
  ((have_major > want_major || (have_major == want_major && have_minor >= want_minor)))
}

# Each check prints what is wrong and returns 1, so check_prerequisites can name everything
# that is missing in one go.
check_rust() {
  local rustup_hint="Install Rust stable (${MIN_RUST_VERSION} or newer) with rustup:
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y
    . \"\$HOME/.cargo/env\"
  (Debian's own rustc package is too old for this project.)"
  if ! command -v rustc >/dev/null 2>&1 || ! command -v cargo >/dev/null 2>&1; then
    complain "Missing prerequisite: Rust (rustc and cargo were not found on PATH).
${rustup_hint}"
    return 1
  fi
  local version
  version="$(rustc --version | awk '{print $2}')"
  if ! [[ "${version}" =~ ^[0-9]+\.[0-9]+ ]] || ! version_at_least "${version}" "${MIN_RUST_VERSION}"; then
    complain "Rust ${version} at $(command -v rustc) is too old: this project needs ${MIN_RUST_VERSION} or newer.
${rustup_hint}
  If rustup is installed already: rustup update stable, and make sure ~/.cargo/bin comes first on PATH."
    return 1
  fi
  say "Rust ${version} (needs ${MIN_RUST_VERSION}+): ok"
}

check_node() {
  local node_hint="Install Node.js ${MIN_NODE_VERSION} or newer (20.x or 22.x LTS) with npm, from https://nodejs.org
  or NodeSource's Debian packages. (Debian 12's own nodejs is 18, which is too old.)"
  if ! command -v node >/dev/null 2>&1; then
    complain "Missing prerequisite: Node.js (node was not found on PATH).
${node_hint}"
    return 1
  fi
  local version
  version="$(node --version)"
  version="${version#v}"
  if ! [[ "${version}" =~ ^[0-9]+\.[0-9]+ ]] || ! version_at_least "${version}" "${MIN_NODE_VERSION}"; then
    complain "Node.js ${version} is too old: this project needs ${MIN_NODE_VERSION} or newer (Vite 8 requires it).
${node_hint}"
    return 1
  fi
  if ! command -v npm >/dev/null 2>&1; then
    complain "Missing prerequisite: npm (Node.js ${version} is installed, but npm is not on PATH).
${node_hint}"
    return 1
  fi
  say "Node.js ${version} (needs ${MIN_NODE_VERSION}+) with npm $(npm --version): ok"
}

check_prerequisites() {
  local ok=true
  check_rust || ok=false
  check_node || ok=false
  if [[ "${ok}" != true ]]; then
    fail "Install the missing prerequisites above, then run this command again."
  fi
}

# cargo fmt and cargo clippy come with rustup's default profile, not its minimal one.
check_rust_lint_tools() {
  local missing=()
  cargo fmt --version >/dev/null 2>&1 || missing+=(rustfmt)
  cargo clippy --version >/dev/null 2>&1 || missing+=(clippy)
  if ((${#missing[@]} > 0)); then
    fail "Missing Rust components: ${missing[*]}. Add them with:
    rustup component add ${missing[*]}"
  fi
  say "rustfmt and clippy: ok"
}

package_is_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

# Prints the command prefix that runs apt-get with root rights: nothing as root, else sudo.
root_command_prefix() {
  if [[ ${EUID} -eq 0 ]]; then
    return 0
  fi
  if command -v sudo >/dev/null 2>&1; then
    printf 'sudo'
    return 0
  fi
  return 1
}

install_debian_packages() {
  local wanted=("${APT_BUILD_AND_WINDOW[@]}" "${APT_PAGE_TEST_BROWSER[@]}" "${APT_DESKTOP_TEST_SERVICES[@]}")
  local missing=() package
  for package in "${wanted[@]}"; do
    package_is_installed "${package}" || missing+=("${package}")
  done
  if ((${#missing[@]} == 0)); then
    say "All ${#wanted[@]} Debian packages are installed already."
    return 0
  fi

  say "Installing the missing Debian packages (${#missing[@]}): ${missing[*]}"
  local prefix
  if ! prefix="$(root_command_prefix)"; then
    fail "Installing Debian packages needs root, and this user is not root and sudo is not installed.
Run this command as root, or install these packages as root first:
    apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  fi
  # `env` carries DEBIAN_FRONTEND through sudo, which drops the caller's environment.
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get)
  if [[ -n "${prefix}" ]]; then
    apt=(sudo "${apt[@]}")
  fi
  if ! "${apt[@]}" update || ! "${apt[@]}" install -y --no-install-recommends "${missing[@]}"; then
    fail "Could not install the Debian packages${prefix:+ through sudo}. Run this as root (or as a user allowed to use sudo), or install them yourself:
    apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  fi
}

# tauri-driver bridges WebDriver to WebKitWebDriver for the end-to-end tests.
# Version 2.1.0 has no --version flag (it exits 1 and prints its usage), so cargo's own
# record of installed binaries is the fallback.
tauri_driver_is_current() {
  command -v tauri-driver >/dev/null 2>&1 || return 1
  local reported
  reported="$(tauri-driver --version 2>/dev/null || true)"
  [[ "${reported}" == *"${TAURI_DRIVER_VERSION}"* ]] && return 0
  cargo install --list 2>/dev/null | grep -qx "tauri-driver v${TAURI_DRIVER_VERSION}:"
}

install_tauri_driver() {
  if tauri_driver_is_current; then
    say "tauri-driver ${TAURI_DRIVER_VERSION} is installed already."
    return 0
  fi
  say "Installing tauri-driver ${TAURI_DRIVER_VERSION} (about a minute)."
  cargo install tauri-driver --version "${TAURI_DRIVER_VERSION}" --locked
}

install_page_dependencies() {
  local ui="${REPO_ROOT}/ui"
  # npm ci writes node_modules/.package-lock.json, so its age says when node_modules was installed.
  if [[ -f "${ui}/node_modules/.package-lock.json" && ! "${ui}/package-lock.json" -nt "${ui}/node_modules/.package-lock.json" ]]; then
    say "ui/node_modules is up to date with ui/package-lock.json."
    return 0
  fi
  (cd "${ui}" && npm ci --no-audit --no-fund)
}

build_page() {
  (cd "${REPO_ROOT}/ui" && npm run build)
}

# Everything both commands need before they build anything.
setup() {
  cd "${REPO_ROOT}" || exit 1
  run_step "check prerequisites (Rust, Node.js)" check_prerequisites
  run_step "install missing Debian packages" install_debian_packages
  run_step "install tauri-driver ${TAURI_DRIVER_VERSION}" install_tauri_driver
  run_step "install the page's npm packages" install_page_dependencies
}
