#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# CLI-level test of the syntax trainers' model tools over the built binary:
#   syntax_cli_test.sh DATELINE_BIN
# trains two taggers and two parsers (seeds 1 and 2) on a tiny invented treebank, combines
# each pair into one score ensemble, checks that the result loads and parses through
# `eval ud --write`, and that models trained differently are refused.
set -euo pipefail
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/cli/check.sh
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"

# sentence FORM/UPOS/XPOS/HEAD/DEPREL ...: one CoNLL-U sentence (lemma = lower-cased form).
sentence() {
  local i=0 w
  for w in "$@"; do
    i=$((i + 1))
    IFS=/ read -r form upos xpos head rel <<<"$w"
    printf '%s\t%s\t%s\t%s\t%s\t_\t%s\t%s\t_\t_\n' "$i" "$form" "${form,,}" "$upos" "$xpos" \
      "$head" "$rel"
  done
  echo
}
treebank() {  # the same invented sentences; $1 = relation of the adjective ("amod" or "dep")
  local adj=$1 k
  for k in 1 2 3; do
    sentence The/DET/DT/2/det guards/NOUN/NNS/3/nsubj closed/VERB/VBD/0/root the/DET/DT/5/det \
      gate/NOUN/NN/3/obj ./PUNCT/./3/punct
    sentence Farmers/NOUN/NNS/2/nsubj sold/VERB/VBD/0/root fresh/ADJ/JJ/4/$adj \
      apples/NOUN/NNS/2/obj at/ADP/IN/7/case the/DET/DT/7/det market/NOUN/NN/2/obl \
      ./PUNCT/./2/punct
    sentence A/DET/DT/3/det small/ADJ/JJ/3/$adj boat/NOUN/NN/4/nsubj reached/VERB/VBD/0/root \
      the/DET/DT/6/det coast/NOUN/NN/4/obj ./PUNCT/./4/punct
    sentence Nurses/NOUN/NNS/2/nsubj treated/VERB/VBD/0/root the/DET/DT/5/det \
      injured/ADJ/JJ/5/$adj drivers/NOUN/NNS/2/obj in/ADP/IN/7/case town/NOUN/NN/2/obl \
      ./PUNCT/./2/punct
  done
}
treebank amod >"$tmp/tiny.conllu"
treebank dep >"$tmp/other.conllu"
mkdir -p "$tmp/m"

"$bin" train tagger --train "$tmp/tiny.conllu" --dev "$tmp/tiny.conllu" --epochs 2 \
  --verb-context --out "$tmp/m/en_tagger.dlm" 2>"$tmp/tagger.log"
check "tagger trained with --verb-context records it" \
  grep -aq "verb-context" "$tmp/m/en_tagger.dlm"
"$bin" train tagger --train "$tmp/tiny.conllu" --dev "$tmp/tiny.conllu" --epochs 2 \
  --verb-context --seed 2 --out "$tmp/t2.dlm" 2>>"$tmp/tagger.log"
"$bin" train tagger --train "$tmp/tiny.conllu" --dev "$tmp/tiny.conllu" --epochs 2 \
  --out "$tmp/plain.dlm" 2>>"$tmp/tagger.log"
cp "$tmp/m/en_tagger.dlm" "$tmp/t1.dlm"
check "combine writes one tagger from two" \
  "$bin" combine tagger --models "$tmp/t1.dlm" "$tmp/t2.dlm" --out "$tmp/m/en_tagger.dlm"
"$bin" prune tagger --model "$tmp/m/en_tagger.dlm" --min 1 --out "$tmp/pruned.dlm" \
  2>"$tmp/prune.txt"
check "prune tagger keeps fewer weights" \
  awk '/^prune:/ { exit !($2 > $4) }' "$tmp/prune.txt"
if "$bin" combine tagger --models "$tmp/t1.dlm" "$tmp/plain.dlm" --out "$tmp/bad-tagger.dlm" \
  2>"$tmp/bad-tagger.txt"; then
  check "taggers with other templates are refused" false
else
  check "taggers with other templates are refused" \
    grep -q "different features" "$tmp/bad-tagger.txt"
fi
for seed in 1 2; do
  "$bin" train parser --train "$tmp/tiny.conllu" --dev "$tmp/tiny.conllu" \
    --tagger "$tmp/m/en_tagger.dlm" --epochs 2 --seed $seed --out "$tmp/p$seed.dlm" \
    2>"$tmp/parser$seed.log"
done
"$bin" train parser --train "$tmp/other.conllu" --dev "$tmp/other.conllu" \
  --tagger "$tmp/m/en_tagger.dlm" --epochs 2 --out "$tmp/other.dlm" 2>"$tmp/other.log"

check "combine writes one parser from two" \
  "$bin" combine parser --models "$tmp/p1.dlm" "$tmp/p2.dlm" --out "$tmp/m/en_parser.dlm"
check "the combined header names both parts" \
  test "$(grep -ao "part_fingerprint" "$tmp/m/en_parser.dlm" | wc -l)" -eq 2
"$bin" eval ud "$tmp/tiny.conllu" --gold-tokens --models "$tmp/m" \
  --write "$tmp/system.conllu" >"$tmp/eval.txt"
check "the combined parser is scored" grep -q "^LAS" "$tmp/eval.txt"
check "--write has every gold word" \
  test "$(grep -c $'^[0-9]' "$tmp/system.conllu")" -eq "$(grep -c $'^[0-9]' "$tmp/tiny.conllu")"
check "--write gives every word a head and a relation" \
  test -z "$(awk -F'\t' '/^[0-9]/ && ($7 == "" || $8 == "" || $8 == "_")' "$tmp/system.conllu")"

if "$bin" combine parser --models "$tmp/p1.dlm" "$tmp/other.dlm" --out "$tmp/bad.dlm" \
  2>"$tmp/bad.txt"; then
  check "parsers with other relations are refused" false
else
  check "parsers with other relations are refused" grep -q "different relations" "$tmp/bad.txt"
fi
check "nothing is written for a refused combination" test ! -e "$tmp/bad.dlm"

checks_done
