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
# exits CODE COMMAND...: the command exits with CODE; its output goes to $tmp/out and
# $tmp/err (the calling script's $tmp).
exits() {
  local want=$1
  shift
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [ "$got" -eq "$want" ] || { echo "    exit $got, wanted $want: $(head -c 300 "$tmp/err")"; return 1; }
}
checks_done() {
  if [ "$fails" -ne 0 ]; then
    echo "$fails check(s) failed"
    exit 1
  fi
  echo "all checks passed"
}
