#!/usr/bin/env bash
# Serves the browser app at http://127.0.0.1:8080/ with live rebuilds (trunk serve, release build).
# Installs whatever is missing first (scripts/setup.sh). Extra arguments go to `trunk serve`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
# binaryen 132's wasm-opt (node_modules) must come before any other on PATH: Trunk.toml pins it.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
exec trunk serve --release --offline --address 127.0.0.1 --port 8080 "$@"
