#!/usr/bin/env bash
# Installs the Debian packages dateline builds and tests with, skipping what is present.
set -euo pipefail
packages=(
  build-essential cmake pkg-config git python3
  libsqlite3-dev sqlite3 nlohmann-json3-dev libcli11-dev libfmt-dev libgumbo-dev
  libcpp-httplib-dev libutf8proc-dev zlib1g-dev libgtest-dev libgmock-dev libbenchmark-dev iso-codes
  clang libclang-rt-14-dev util-linux wordnet-base python3-distributed
  chromium libpq-dev postgresql postgresql-client
)
# Node.js and npm run the browser tests. A machine may already have them from another source
# (NodeSource's nodejs carries its own npm and conflicts with Debian's npm package): only a
# machine without npm gets Debian's.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
echo "install-deps: all packages present"
