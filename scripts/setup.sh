#!/usr/bin/env bash
# The README's first command: install what is missing, build the release binary, and run the
# main job on the bundled sample articles (ingest into dateline.db, then print a summary).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)"
bin=build/release/apps/cli/dateline
if "$bin" --help | grep -q '^  ingest '; then
  "$bin" ingest examples/articles/ --db dateline.db
  "$bin" stats --db dateline.db
else
  "$bin" extract examples/articles/ --format text
fi
