#!/usr/bin/env bash
# The README's second command: build (dev preset, warnings as errors) and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev -j"$(nproc)"
ctest --test-dir build/dev --output-on-failure -j"$(nproc)" "$@"
