#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# CLI-level test of issue #20's items 7, 8, 9 and 10 over the built binary:
#   reliability_cli_test.sh DATELINE_BIN
# exit codes as documented (0 ok, 1 some inputs failed, 2 usage, 3 database or data error);
# --published checked; named pipes read; folders' unread entries reported; counts reported
# after the commit when the disk fills; a killed run marked interrupted at the next open;
# empty-key filters refused; query commands reading a database in a read-only folder.
# The articles are written here; nothing comes from a corpus.
set -uo pipefail
bin=$1
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'chmod -R u+rwx "$tmp"; rm -rf "$tmp"' EXIT
# shellcheck source=tests/cli/check.sh
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"

article() {  # article N: a short article of our own, different for each N
  printf 'Harbour report %d\n\nMayor Lena Park said on Monday that bridge %d would reopen in May, officials said. Police arrested %d protesters near the quay.\n' "$1" "$1" "$1"
}
exits() {  # exits CODE COMMAND...: the command exits with CODE
  local want=$1
  shift
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [ "$got" -eq "$want" ] || { echo "    exit $got, wanted $want: $(head -c 300 "$tmp/err")"; return 1; }
}
sql() {  # sql DB QUERY: one value
  python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$1" "$2"
}
article 1 >"$tmp/a.txt"

# Exit codes.
check "an unknown flag is a usage error (2)" exits 2 "$bin" extract "$tmp/a.txt" --no-such-flag
check "--published yesterday is a usage error (2)" exits 2 "$bin" extract "$tmp/a.txt" --published yesterday
check "... and says why" grep -q "is not a date" "$tmp/err"
check "a missing --db folder is a data error (3)" exits 3 "$bin" ingest "$tmp/a.txt" --db "$tmp/no/such/dir/x.db"
check "a missing --models folder is a data error (3)" exits 3 "$bin" extract "$tmp/a.txt" --models "$tmp/no-models"
check "querying a database that does not exist is a data error (3)" exits 3 "$bin" stats --db "$tmp/none.db"
check "a missing input is a failed input (1)" exits 1 "$bin" extract "$tmp/missing.txt"

# --published is stored in its ISO form, never as the string given.
"$bin" extract "$tmp/a.txt" --published "March 6, 2026" >"$tmp/o.jsonl"
check "--published 'March 6, 2026' becomes 2026-03-06" grep -q '"published":"2026-03-06"' "$tmp/o.jsonl"

# Named pipes are read like stdin.
check "a named pipe given as input is read (0)" exits 0 "$bin" extract <(article 2)
check "... and gives its article" grep -q "bridge 2 would reopen" "$tmp/out"

# Folders: what is not read is reported, and the rest is read (exit 1: some inputs failed).
mkdir -p "$tmp/in/sub" "$tmp/elsewhere"
article 3 >"$tmp/in/a.txt"
article 4 >"$tmp/in/sub/b.txt"
article 5 >"$tmp/elsewhere/c.txt"
ln -s "$tmp/elsewhere" "$tmp/in/linked"
mkfifo "$tmp/in/pipe"
check "a link to a folder and a pipe in a folder are reported (1)" exits 1 "$bin" extract "$tmp/in"
check "... the link named" grep -q "linked: symbolic link to a folder, not followed" "$tmp/err"
check "... the pipe named" grep -q "pipe: a named pipe inside a folder; skipped" "$tmp/err"
check "... the files read" test "$(grep -c '"doc"' "$tmp/out")" -eq 2
rm "$tmp/in/pipe" "$tmp/in/linked"
if command -v setpriv >/dev/null && [ "$(id -u)" -eq 0 ]; then
  as_nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
else
  as_nobody=()
fi
chmod -R a+rX "$tmp"
chmod 700 "$tmp/in/sub"
if [ "$(id -u)" -ne 0 ] || [ ${#as_nobody[@]} -gt 0 ]; then
  check "an unreadable folder is reported (1)" exits 1 "${as_nobody[@]}" "$bin" extract "$tmp/in"
  check "... by name" grep -q "sub: cannot list: Permission denied; folder skipped" "$tmp/err"
  check "... and the rest is read" grep -q "bridge 3 would reopen" "$tmp/out"
fi
chmod 755 "$tmp/in/sub"

# Disk full: the counts printed and stored are of what was committed.
mkdir -p "$tmp/many"
for i in $(seq 10 49); do article "$i" >"$tmp/many/a$i.txt"; done
(trap '' XFSZ; ulimit -f 400; "$bin" ingest "$tmp/many" --db "$tmp/full.db" --batch 5 >"$tmp/out" 2>"$tmp/err"; echo $? >"$tmp/rc")
stored=$(sed -n 's/.*stored \([0-9]*\),.*/\1/p' "$tmp/out")
check "a full disk stops the ingest with a database error (3)" test "$(cat "$tmp/rc")" -eq 3
check "stored N counts only committed articles" test "$stored" -eq "$(sql "$tmp/full.db" 'SELECT count(*) FROM articles')"
check "... and the run row says the same" test "$stored" -eq "$(sql "$tmp/full.db" 'SELECT stored FROM runs WHERE id = 1')"
"$bin" ingest "$tmp/many" --db "$tmp/full.db" --batch 5 >"$tmp/out"
check "running it again stores the rest" test "$(sql "$tmp/full.db" 'SELECT count(*) FROM articles')" -eq 40

# A killed ingest is marked interrupted at the next open for writing. The run is held open
# by a named pipe no one writes to, named after the folder: the ingest stores the folder's
# articles, then blocks opening the pipe, and is killed there (however loaded the machine).
mkdir -p "$tmp/slow"
for i in $(seq 100 199); do article "$i" >"$tmp/slow/a$i.txt"; done
mkfifo "$tmp/never"
"$bin" ingest "$tmp/slow" "$tmp/never" --db "$tmp/killed.db" --batch 10 >/dev/null 2>&1 &
pid=$!
for _ in $(seq 600); do
  [ "$(sql "$tmp/killed.db" 'SELECT count(*) FROM articles' 2>/dev/null)" = 100 ] && break
  sleep 0.1
done
kill -9 "$pid"
wait "$pid" 2>/dev/null
check "a killed run is left 'running'" test "$(sql "$tmp/killed.db" 'SELECT status FROM runs WHERE id = 1')" = running
"$bin" ingest "$tmp/a.txt" --db "$tmp/killed.db" >/dev/null
check "... and marked 'interrupted' by the next ingest" test "$(sql "$tmp/killed.db" 'SELECT status FROM runs WHERE id = 1')" = interrupted
check "... whose own run completed" test "$(sql "$tmp/killed.db" 'SELECT status FROM runs WHERE id = 2')" = completed

# Filters with nothing to match are refused, not matched against everyone.
"$bin" ingest "$tmp/many" --db "$tmp/q.db" >/dev/null
for f in "%" "_" "'"; do
  check "people '$f' is a usage error (2)" exits 2 "$bin" people "$f" --db "$tmp/q.db"
  check "quotes --speaker '$f' is a usage error (2)" exits 2 "$bin" quotes --speaker "$f" --db "$tmp/q.db"
done

# Query commands open read-only: they work on a database in a folder they cannot write.
mkdir -p "$tmp/ro"
cp "$tmp/q.db" "$tmp/ro/q.db"
chmod 755 "$tmp/ro"
chmod 644 "$tmp/ro/q.db"
chmod 555 "$tmp/ro"
check "stats reads a database in a read-only folder (0)" exits 0 "${as_nobody[@]}" "$bin" stats --db "$tmp/ro/q.db"
check "... and sees its articles" grep -Eq "^  articles +40$" "$tmp/out"
check "quotes too" exits 0 "${as_nobody[@]}" "$bin" quotes --speaker Park --db "$tmp/ro/q.db"
check "... and writes nothing there" test ! -e "$tmp/ro/q.db-wal" -a ! -e "$tmp/ro/q.db-shm"
chmod 755 "$tmp/ro"

checks_done
