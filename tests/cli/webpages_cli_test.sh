#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# CLI-level test of reading web pages, over the built binary:
#   webpages_cli_test.sh DATELINE_BIN SOURCE_DIR
# On pages written for this test (never copied from the web):
#  - pages in ISO-8859-1 (declared) and windows-1252 (undeclared) decode to the right
#    characters, the second with a charset_guessed diagnostic;
#  - the story is found beside navigation, cookie banners, share bars and related links;
#  - a WARC file (gzip, one member per record) with HTML pages, records that are not pages,
#    a repeated page and a truncated last record: the pages are read, the rest is counted in
#    a note, the truncation is reported, and a second ingest stores nothing;
#  - determinism: every page's output is byte-identical whatever else is in the run and in
#    whatever order (forward, reverse, interleaved; each twice).
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/cli/check.sh
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"
cd "$src"
pages=$tmp/pages
mkdir -p "$pages"

# --- pages ----------------------------------------------------------------------------------
# page FILE TITLE PARAGRAPH...: a news page with the usual furniture around the story.
page() {
  local file=$1 title=$2
  shift 2
  {
    printf '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">\n'
    printf '<title>%s | The Coastal Herald</title>\n' "$title"
    printf '<meta property="og:site_name" content="The Coastal Herald">\n'
    printf '<meta property="article:published_time" content="2026-03-06T18:09:00-07:00">\n'
    printf '</head><body class="cookies-not-set menu-open">\n'
    printf '<a href="#main">Skip to main content</a>\n'
    printf '<div class="cookie-banner"><p>We use cookies to improve your experience on our site. By continuing you accept our use of cookies.</p></div>\n'
    printf '<nav><ul><li><a href="/">Home</a></li><li><a href="/port">Port</a></li><li><a href="/city">City</a></li></ul></nav>\n'
    printf '<main><article><h1>%s</h1><p class="byline">By Ana Lima</p>\n' "$title"
    for p in "$@"; do printf '<p>%s</p>\n' "$p"; done
    printf '<div class="share-tools"><a href="/s/fb">Share on Facebook</a> <a href="/s/x">Share on X</a></div>\n'
    printf '</article>\n<aside class="related"><h2>Related</h2><ul>'
    printf '<li><a href="/a">Fishing quotas cut again for the winter season</a></li>'
    printf '<li><a href="/b">New crane arrives at the container terminal</a></li></ul></aside></main>\n'
    printf '<footer><p>&copy; 2026 The Coastal Herald. All rights reserved.</p></footer></body></html>\n'
  } >"$file"
}
page "$pages/harbour.html" "Harbour talks resume" \
  "Talks between the port authority and the dockers' union resumed on Friday in the harbour master's office, the first meeting since the strike began two weeks ago." \
  "\"We are back at the table,\" said the union's secretary, who asked members to keep working overtime bans in place until an agreement is signed." \
  "Shipping lines have diverted eleven vessels to other ports since the strike began."
page "$pages/ferry.html" "Ferry adds evening crossings" \
  "The ferry company will add two evening crossings to the island from April, its director told the council on Thursday, after a year of complaints from commuters." \
  "The new sailings leave the mainland at seven and nine in the evening and return an hour later."
page "$pages/library.html" "Library opens on Sundays" \
  "The town library will open on Sunday afternoons from next month, the librarian said, because students asked for a quiet place to work before their examinations." \
  "Volunteers will staff the reading room; the lending desk stays closed on Sundays."
# A page with no <article>: the story sits in a div among sidebars, all in one table cell.
{
  printf '<html><head><title>Market moves to the square</title></head><body>\n'
  printf '<table><tr><td class="sidebar"><a href="/1">Weather</a><br><a href="/2">Tides</a><br><a href="/3">Letters</a></td>\n'
  printf '<td><div id="story"><b>Market moves to the square</b><br><br>'
  printf 'The Saturday market will move from the car park to the main square in May, the mayor announced, so that stall holders can stay dry under the arcades when it rains.<br><br>'
  printf 'Traders voted for the move at a meeting on Tuesday by forty votes to six.</div></td></tr></table>\n'
  printf '<div class="newsletter"><p>Sign up for our newsletter and get the top stories of the week in your inbox every Friday morning.</p></div>\n'
  printf '</body></html>\n'
} >"$pages/market.html"
# ISO-8859-1, declared; windows-1252, undeclared (bytes written in octal).
{
  printf '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
  printf '<title>Caf\351 reopens on the quay</title></head><body><article>'
  printf '<p>The caf\351 on the quay reopened on Saturday with a new terrace, and the owner said the cr\350me br\373l\351e would stay on the menu whatever the price of eggs.</p>'
  printf '</article></body></html>\n'
} >"$pages/latin1.html"
{
  printf '<html><head><title>Council votes on the bridge</title></head><body><article>'
  printf '<p>\223We will not close the bridge,\224 the mayor said \226 not this year, and not while the repairs can be paid for out of the harbour fund.</p>'
  printf '</article></body></html>\n'
} >"$pages/cp1252.html"

"$bin" extract "$pages" --format jsonl >"$tmp/pages.jsonl" 2>"$tmp/pages.err"
check "every page read" test "$(wc -l <"$tmp/pages.jsonl")" -eq 6
# texts FILE...: each page's text, rebuilt from its tokens, one line per page.
texts() {
  "$bin" extract "$@" --with tokens --format jsonl 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    buf = bytearray(b" " * d["doc"]["bytes"])
    for t in d["tokens"]:
        b = t["text"].encode()
        buf[t["start"]:t["start"] + len(b)] = b
    print(buf.decode().replace("\n", " "))'
}
# doc STEM: the doc object of one page, as JSON.
doc() {
  python3 - "$tmp/pages.jsonl" "$1" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    if d["doc"]["id"] == sys.argv[2]:
        print(json.dumps({**d["doc"], "diagnostics": d.get("diagnostics")}, ensure_ascii=False))
PY
}
check "ISO-8859-1 decoded" grep -q "The café on the quay reopened" <(texts "$pages/latin1.html")
check "ISO-8859-1 decoded: crème brûlée" grep -q "crème brûlée" <(texts "$pages/latin1.html")
check "ISO-8859-1 title" grep -q '"title": "Café reopens on the quay"' <(doc latin1)
check "windows-1252 quotes and dash decoded" \
  grep -q '“We will not close the bridge,” the mayor said – not this year' <(texts "$pages/cp1252.html")
check "windows-1252 guess reported" grep -q charset_guessed <(doc cp1252)
for stem in harbour ferry library; do
  check "$stem: title, date in local time, byline" grep -q \
    '"title": "[^"]*", "outlet": "The Coastal Herald", "published": "2026-03-06T18:09:00-07:00".*"byline": "Ana Lima"' \
    <(doc "$stem")
done
texts "$pages/harbour.html" "$pages/market.html" >"$tmp/texts.txt"
check "story text kept" grep -q "resumed on Friday in the harbour master" "$tmp/texts.txt"
check "story without <article> found" grep -q "forty votes to six" "$tmp/texts.txt"
for junk in "We use cookies" "Skip to main content" "Share on Facebook" "Fishing quotas" \
  "All rights reserved" "Sign up for our newsletter" "Tides"; do
  check "left out: $junk" bash -c "! grep -q '$junk' '$tmp/texts.txt'"
done

# --- WARC -----------------------------------------------------------------------------------
# record TYPE ID HEADERS BLOCK-FILE: one WARC record, gzip-compressed as a member of its own
# (HEADERS: extra header lines, each ending in \r\n written as such).
record() {
  local type=$1 id=$2 headers=$3 block=$4
  {
    printf 'WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n' "$type" "$id"
    printf 'WARC-Date: 2026-03-07T02:00:00Z\r\n%b' "$headers"
    printf 'Content-Length: %d\r\n\r\n' "$(wc -c <"$block")"
    cat "$block"
    printf '\r\n\r\n'
  } | gzip -n -c
}
http() {  # http STATUS CONTENT-TYPE BODY-FILE > block
  printf 'HTTP/1.1 %s\r\nContent-Type: %s\r\n\r\n' "$1" "$2"
  cat "$3"
}
resp() { echo "WARC-Target-URI: $1\r\nContent-Type: application/http; msgtype=response\r\n"; }
warc=$tmp/crawl.warc.gz
printf 'software: webpages_cli_test\r\n' >"$tmp/info"
printf 'GET /harbour HTTP/1.1\r\nHost: herald.example\r\n\r\n' >"$tmp/req"
http "200 OK" "text/html; charset=utf-8" "$pages/harbour.html" >"$tmp/b1"
http "200 OK" "text/html; charset=ISO-8859-1" "$pages/latin1.html" >"$tmp/b2"
printf 'GIF89a\001\000\001\000' >"$tmp/gif"
http "200 OK" "image/gif" "$tmp/gif" >"$tmp/b3"
http "301 Moved Permanently" "text/html" /dev/null >"$tmp/b4"
http "200 OK" "text/html" "$pages/ferry.html" >"$tmp/b5"
{
  record warcinfo 00 'Content-Type: application/warc-fields\r\n' "$tmp/info"
  record request 01 'WARC-Target-URI: https://herald.example/harbour\r\nContent-Type: application/http; msgtype=request\r\n' "$tmp/req"
  record response 02 "$(resp https://herald.example/harbour)" "$tmp/b1"
  record response 03 "$(resp https://herald.example/cafe)" "$tmp/b2"
  record response 04 "$(resp https://herald.example/logo.gif)" "$tmp/b3"
  record response 05 "$(resp https://herald.example/old)" "$tmp/b4"
  record response 06 "$(resp 'https://herald.example/harbour?from=rss')" "$tmp/b1"
  record response 07 "$(resp https://herald.example/ferry)" "$tmp/b5"
} >"$warc"
record response 08 "$(resp https://herald.example/library)" "$pages/library.html" >"$tmp/last.gz"
head -c $(($(wc -c <"$tmp/last.gz") / 2)) "$tmp/last.gz" >>"$warc"  # a truncated last record

rc=0
"$bin" extract "$warc" --format jsonl >"$tmp/warc.jsonl" 2>"$tmp/warc.err" || rc=$?
cat "$tmp/warc.err"
check "WARC: the HTML pages read" test "$(wc -l <"$tmp/warc.jsonl")" -eq 3
check "WARC: exit code 1 (a record failed)" test "$rc" -eq 1
check "WARC: truncated record reported" grep -q 'crawl.warc.gz: record 9 (byte [0-9]* of the uncompressed stream): the gzip data is cut short' "$tmp/warc.err"
check "WARC: the rest counted" grep -q 'note: .*crawl.warc.gz: 9 WARC records, 3 HTML pages read; skipped 1 HTTP status not 2xx, 1 duplicate payload, 1 not HTML, 1 request, 1 warcinfo; 1 reported as errors' "$tmp/warc.err"
check "WARC: URL and crawl date from the record" python3 - "$tmp/warc.jsonl" <<'PY'
import json, sys
docs = [json.loads(l)["doc"] for l in open(sys.argv[1], encoding="utf-8")]
assert [d["url"] for d in docs] == ["https://herald.example/harbour", "https://herald.example/cafe",
                                    "https://herald.example/ferry"], [d["url"] for d in docs]
assert all(d["crawled"] == "2026-03-07T02:00:00Z" for d in docs)
assert docs[1]["title"] == "Café reopens on the quay", docs[1]["title"]
assert docs[0]["id"] == "urn:uuid:02" and docs[0]["path"].endswith("crawl.warc.gz:3"), docs[0]
PY
"$bin" ingest "$warc" --db "$tmp/w.db" >"$tmp/ingest1.txt" 2>/dev/null || true
"$bin" ingest "$warc" --db "$tmp/w.db" >"$tmp/ingest2.txt" 2>/dev/null || true
cat "$tmp/ingest1.txt" "$tmp/ingest2.txt"
check "WARC: first ingest stores the pages" grep -q "read 3, stored 3, skipped as duplicate 0, failed 1" "$tmp/ingest1.txt"
check "WARC: second ingest stores nothing" grep -q "read 3, stored 0, skipped as duplicate 3, failed 1" "$tmp/ingest2.txt"

# --- determinism ----------------------------------------------------------------------------
# The same pages in several orders and runs, with other inputs around them: each page's line
# must be byte-identical every time.
cp examples/articles/river_dam_dispute.html "$pages/"
mapfile -t files < <(find "$pages" -name '*.html' | sort)
mapfile -t reversed < <(printf '%s\n' "${files[@]}" | sort -r)
interleaved=()
for ((i = 0; i < ${#files[@]}; i += 2)); do interleaved+=("${files[i]}"); done
for ((i = 1; i < ${#files[@]}; i += 2)); do interleaved+=("${files[i]}"); done
run=0
for order in files reversed interleaved files reversed interleaved; do
  declare -n list=$order
  "$bin" extract "${list[@]}" "$warc" examples/articles/ --with tokens,sentences --format jsonl \
    >"$tmp/run$run.jsonl" 2>/dev/null || true
  run=$((run + 1))
done
check "determinism: every page byte-identical in 6 runs and 3 orders" python3 - "$tmp" "$run" <<'PY'
import json, sys
tmp, runs = sys.argv[1], int(sys.argv[2])
seen = {}
for r in range(runs):
    for line in open(f"{tmp}/run{r}.jsonl", encoding="utf-8"):
        key = json.loads(line)["doc"]["path"]
        if key in seen and seen[key] != line:
            print("differs:", key)
            sys.exit(1)
        seen[key] = line
print(len(seen), "documents compared")
sys.exit(0 if len(seen) >= 12 else 1)
PY

checks_done
