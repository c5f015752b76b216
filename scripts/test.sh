#!/usr/bin/env bash
# Runs every test: installs what is missing (scripts/setup.sh), then formatting and lints (native
# and wasm32), the native tests, the spec's worked examples against the release CLI, the browser
# build, and the browser tests in headless Chromium. Stops at the first failing stage.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

STAGE=""
STAGE_START=0
begin() {
    STAGE="$1"
    STAGE_START=$SECONDS
    printf '\n==> %s\n' "$STAGE"
}
end() {
    printf '==> %s: ok (%ss)\n' "$STAGE" "$((SECONDS - STAGE_START))"
}
trap 'rc=$?; if [ $rc -ne 0 ]; then printf "==> %s: FAILED (exit %s after %ss)\n" "$STAGE" "$rc" "$((SECONDS - STAGE_START))" >&2; fi' EXIT

begin "setup (scripts/setup.sh)"
bash scripts/setup.sh
end

# binaryen 132's wasm-opt (node_modules) must come before any other on PATH: Trunk.toml pins it.
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

begin "cargo fmt --check; leptosfmt --check src (the view! macros rustfmt skips)"
cargo fmt --check
leptosfmt --check src >/dev/null || { leptosfmt --check src | grep -v '^✅'; exit 1; }
end

begin "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets -- -D warnings
end

begin "cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings (also without the app, as the small modules — first figures, links, QR code — are built)"
cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings
cargo clippy --target wasm32-unknown-unknown --no-default-features --lib --bin contract-calc-figures --bin contract-calc-links --bin contract-calc-qr -- -D warnings
end

begin "cargo test"
cargo test
end

if [ -d ../shared/tools ] && [ -f ../shared/tools/check-examples ]; then
    begin "spec examples (../shared/tools/check-examples)"
    cargo build --release --bin contract-calc
    cases=(tests/fixtures)
    if [ -d ../shared/spec/examples ]; then cases=(../shared/spec/examples "${cases[@]}"); fi
    if [ -d ../shared/spec/examples-s9 ]; then cases=(../shared/spec/examples-s9 "${cases[@]}"); fi
    python3 ../shared/tools/check-examples target/release/contract-calc "${cases[@]}"
    end
else
    printf '\n==> spec examples: skipped (no ../shared/tools/check-examples beside this repository)\n'
fi

begin "trunk build --release --offline"
trunk build --release --offline
end

# Last, so that its closing line 'N passed, M failed' closes the whole run.
begin "browser tests (node tests/browser/run.mjs)"
node tests/browser/run.mjs
