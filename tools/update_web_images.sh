#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copies the screenshots the browser test made (ctest -R browser_views) into docs/img/, the
# ones docs/WEB.md shows:  bash tools/update_web_images.sh [BUILD_DIR]   (default build/dev)
set -euo pipefail
cd "$(dirname "$0")/.."
shots="${1:-build/dev}/tests/browser-artefacts"
for view in search article article-narrow person timeline network; do
  [ -f "$shots/$view.png" ] || { echo "no $shots/$view.png: run ctest --preset dev -R browser_views first" >&2; exit 1; }
  cp "$shots/$view.png" "docs/img/web-$view.png"
done
echo "docs/img: the screenshots of $shots"
