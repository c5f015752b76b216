#!/usr/bin/env bash
# Installs whatever the build and the tests need and this machine lacks. Idempotent: every step
# checks first and skips when the right version is already there.
#
#   - Rust target wasm32-unknown-unknown                 (rustup)
#   - trunk 0.21.14                                       (cargo install, from source)
#   - wasm-bindgen-cli at the version of the `wasm-bindgen` crate in Cargo.lock (cargo install)
#   - leptosfmt 0.1.33, the formatter of `view!` code      (cargo install, from source)
#   - binaryen 132 (wasm-opt) and playwright-core         (npm ci, into ./node_modules)
#   - Debian's chromium, a CJK font and zopfli            (apt-get, only when missing)
#   - the crates of Cargo.lock, for every target          (cargo fetch, so builds can run --offline)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TRUNK_VERSION=0.21.14
LEPTOSFMT_VERSION=0.1.33
WASM_OPT_VERSION=132

export PATH="$HOME/.cargo/bin:$PATH"
say() { printf 'setup: %s\n' "$*"; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
APT_UPDATED=""
apt_install() {
    if [ -z "$APT_UPDATED" ]; then
        say "apt-get update"
        $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
        APT_UPDATED=1
    fi
    say "apt-get install -y $*"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

# --- Rust: the wasm32 target ---------------------------------------------------------------
installed_targets="$(rustup target list --installed)"
if grep -qx wasm32-unknown-unknown <<<"$installed_targets"; then
    say "rust target wasm32-unknown-unknown: present"
else
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
fi

# --- trunk -----------------------------------------------------------------------------------
# 0.21.14: trunk 0.22 needs a newer rustc than this machine's.
have_trunk="$(trunk --version 2>/dev/null || true)"
if [ "$have_trunk" = "trunk $TRUNK_VERSION" ]; then
    say "trunk $TRUNK_VERSION: present"
else
    say "installing trunk $TRUNK_VERSION (found: ${have_trunk:-none}); from source, this takes a while"
    cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# --- wasm-bindgen-cli, the same version as the wasm-bindgen crate -----------------------------
WB_VERSION="$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [ -z "$WB_VERSION" ]; then
    echo "setup: no wasm-bindgen package in Cargo.lock" >&2
    exit 1
fi
if ! grep -q "^wasm_bindgen = \"$WB_VERSION\"" Trunk.toml; then
    echo "setup: Trunk.toml's [tools] wasm_bindgen is not $WB_VERSION, the version in Cargo.lock: update it" >&2
    exit 1
fi
have_wb="$(wasm-bindgen --version 2>/dev/null || true)"
if [ "$have_wb" = "wasm-bindgen $WB_VERSION" ]; then
    say "wasm-bindgen-cli $WB_VERSION: present"
else
    say "installing wasm-bindgen-cli $WB_VERSION (found: ${have_wb:-none})"
    # Its own Cargo.lock does not always resolve under --locked; then take fresh compatible deps.
    cargo install wasm-bindgen-cli --version "$WB_VERSION" --locked \
        || { say "--locked failed; retrying without it"; cargo install wasm-bindgen-cli --version "$WB_VERSION"; }
fi

# --- leptosfmt: rustfmt skips `view!` macros; the format check runs this on them --------------
have_lf="$(leptosfmt --version 2>/dev/null || true)"
if [ "$have_lf" = "leptosfmt $LEPTOSFMT_VERSION" ]; then
    say "leptosfmt $LEPTOSFMT_VERSION: present"
else
    say "installing leptosfmt $LEPTOSFMT_VERSION (found: ${have_lf:-none})"
    cargo install leptosfmt --version "$LEPTOSFMT_VERSION" --locked
fi

# --- node packages: binaryen (wasm-opt) and playwright-core -----------------------------------
if ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
fi
if npm ls --depth=0 >/dev/null 2>&1 && [ -x node_modules/.bin/wasm-opt ]; then
    say "node packages (binaryen, playwright-core): present"
elif [ -f package-lock.json ]; then
    say "npm ci"
    npm ci --no-audit --no-fund
else
    say "npm install"
    npm install --no-audit --no-fund
fi
have_opt="$(node_modules/.bin/wasm-opt --version 2>/dev/null || true)"
case "$have_opt" in
    "wasm-opt version $WASM_OPT_VERSION "*) say "wasm-opt: $have_opt" ;;
    *) echo "setup: node_modules/.bin/wasm-opt is not version $WASM_OPT_VERSION: ${have_opt:-missing}" >&2; exit 1 ;;
esac

# --- chromium for the browser tests, and a CJK font for its screenshots -----------------------
# Debian's build only: no test tool may download a browser of its own.
missing_debs=()
if [ -x /usr/bin/chromium ]; then
    say "chromium: present ($(/usr/bin/chromium --version 2>/dev/null || echo '?'))"
else
    missing_debs+=(chromium)
fi
if command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null || true)" ]; then
    say "CJK font: present"
else
    missing_debs+=(fonts-wqy-microhei)
fi
# Zopfli: the build's precompressed .gz files (scripts/precompress.mjs), ~4–5% smaller than zlib's.
if command -v zopfli >/dev/null 2>&1; then
    say "zopfli: present"
else
    missing_debs+=(zopfli)
fi
if [ "${#missing_debs[@]}" -gt 0 ]; then
    apt_install "${missing_debs[@]}"
fi

# --- crates, for the native and the wasm32 builds ----------------------------------------------
say "cargo fetch"
cargo fetch --quiet
# Trunk starts the four wasm builds at once. On a fresh clone the first of them creates target/
# through a temporary folder beside it (target…), which the others, listing the package's files
# to fingerprint build.rs, may find gone: "Failed to read the directory at …/targetunLD39".
mkdir -p target

say "done"
