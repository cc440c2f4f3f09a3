#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The page's views in a real browser (issue #21):
#   run.sh DATELINE_BIN SERVER_BIN SOURCE_DIR OUT_DIR
# ingests the articles in tests/browser/fixtures (written for this test) into a new store,
# starts dateline-server on a free port over it and the page in web/, and drives Debian's
# chromium headless with puppeteer-core (views_test.mjs). Screenshots go to OUT_DIR.
# Skips (exit 77) only when chromium is absent; CI installs it (scripts/install-deps.sh).
set -uo pipefail
bin=$1
server=$2
src=$3
out=$4
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "SKIP: no chromium at $chromium (apt-get install chromium, or set CHROMIUM); the browser tests did not run"
  exit 77
fi
here="$src/tests/browser"
mkdir -p "$out"
rm -rf "$out/store" && mkdir -p "$out/store"

# puppeteer-core from npm: tests/browser/node_modules after `npm ci` there (CI does it), else
# installed from the lock file into the build folder.
if [ -d "$here/node_modules/puppeteer-core" ]; then
  modules="$here/node_modules"
else
  cp "$here/package.json" "$here/package-lock.json" "$out/"
  if [ ! -d "$out/node_modules/puppeteer-core" ]; then
    (cd "$out" && npm ci --no-audit --no-fund >"$out/npm.log" 2>&1) || {
      echo "FAIL: npm ci in $out failed (needs the npm registry or its cache); see $out/npm.log"
      exit 1
    }
  fi
  modules="$out/node_modules"
fi

db="$out/store/views.db"
"$bin" ingest "$here/fixtures" --db "$db" >"$out/ingest.log" 2>&1 || {
  echo "FAIL: ingest of the fixtures failed:"; cat "$out/ingest.log"; exit 1
}
"$server" --port 0 --db "$db" --web "$src/web" --threads 2 >"$out/server.out" 2>"$out/server.err" &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null' EXIT
port=""
for _ in $(seq 1 300); do
  port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$out/server.out")
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { echo "FAIL: the server exited:"; cat "$out/server.err"; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "FAIL: the server did not say its port"; exit 1; }
for _ in $(seq 1 300); do  # until it accepts connections (a loaded machine is slow)
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

# The test imports puppeteer-core from `modules`: run a copy of it next to them.
[ "$(dirname "$modules")" = "$here" ] || cp "$here/views_test.mjs" "$(dirname "$modules")/"
node "$(dirname "$modules")/views_test.mjs" "http://127.0.0.1:$port/" "$out" "$chromium"
