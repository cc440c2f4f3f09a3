#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# CLI-level test of people, titles and names on an article written for this test
# (fixtures/harbor_chief.txt), with the committed models:
#   entities_cli_test.sh DATELINE_BIN SOURCE_DIR
# Roles stated before a name and in a relative clause reach the person; an institution a
# place name heads is an organisation; "General Assembly" is no person. The expectations
# need the NER model to find the two people; revisit them if a retrained model does not.
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/cli/check.sh
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"

"$bin" extract "$src/tests/cli/fixtures/harbor_chief.txt" --format jsonl >"$tmp/out.jsonl"
# One line per entity: TYPE<TAB>name<TAB>title@organization|title@organization...
python3 - "$tmp/out.jsonl" >"$tmp/entities.tsv" <<'PY'
import json, sys
doc = json.loads(open(sys.argv[1], encoding="utf-8").readline())
for e in doc["entities"]:
    roles = "|".join(r["title"] + "@" + (r.get("organization") or "") for r in e.get("roles") or [])
    print(f'{e["type"]}\t{e["name"]}\t{roles}')
PY
cat "$tmp/entities.tsv"

has() { grep -qF -- "$1" "$tmp/entities.tsv"; }
check "role before the name, set off by a comma" has "chief executive@"
check "role in a relative clause, with its organisation" \
  has "deputy director of the Coastal Freight Institute@Coastal Freight Institute"
check "role after 'who is now the'" has "chairman of the Senate trade committee@Senate"
check "premodifier title kept" has "Senator@"
check "a university is an organisation" grep -qP '^ORG\tNorland University\t' "$tmp/entities.tsv"
check "General Assembly is no person" bash -c "! grep -qP '^PERSON\tAssembly' '$tmp/entities.tsv'"

checks_done
