# shellcheck shell=bash
# SPDX-License-Identifier: Apache-2.0
# Shared by the CLI tests: `check NAME COMMAND...` runs a command and reports ok/FAIL;
# `checks_done` ends the script, failing when any check failed.
fails=0
check() {  # check NAME COMMAND...
  local name=$1
  shift
  if "$@"; then echo "ok   $name"; else echo "FAIL $name"; fails=$((fails + 1)); fi
}
checks_done() {
  if [ "$fails" -ne 0 ]; then
    echo "$fails check(s) failed"
    exit 1
  fi
  echo "all checks passed"
}
